package id.anycheck.auth.http;

import id.anycheck.auth.application.CheckReadiness;
import io.javalin.http.Context;

/** Liveness and readiness checks for load balancers and orchestrators. */
final class HealthRoutes {

    record Status(String status) {
    }

    private final CheckReadiness checkReadiness;

    HealthRoutes(CheckReadiness checkReadiness) {
        this.checkReadiness = checkReadiness;
    }

    /** Returns 200 while the process serves HTTP, whatever the state of the database. */
    void live(Context ctx) {
        Envelope.success(ctx, 200, new Status("ok"));
    }

    /** Returns 200 when the database responds, otherwise 503 with Retry-After. */
    void ready(Context ctx) {
        if (checkReadiness.isReady()) {
            Envelope.success(ctx, 200, new Status("ready"));
        } else {
            ErrorMapper.serviceUnavailable(ctx);
        }
    }
}
