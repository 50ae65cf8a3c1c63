package id.anycheck.auth.domain.port;

/** Port: a check that the storage behind the other ports responds right now. */
public interface ReadinessProbe {

    /** Returns true if a trivial query succeeded within the implementation's timeout. */
    boolean storageReachable();
}
