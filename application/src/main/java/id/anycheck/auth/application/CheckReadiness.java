package id.anycheck.auth.application;

import id.anycheck.auth.domain.port.ReadinessProbe;

/** Use case: tell a load balancer whether this instance can serve requests. Thread-safe. */
public final class CheckReadiness {

    private final ReadinessProbe probe;

    public CheckReadiness(ReadinessProbe probe) {
        this.probe = probe;
    }

    public boolean isReady() {
        return probe.storageReachable();
    }
}
