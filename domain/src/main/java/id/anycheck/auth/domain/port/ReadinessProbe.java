package id.anycheck.auth.domain.port;

/** Port: whether the storage behind the other ports answers right now. */
public interface ReadinessProbe {

    /** Returns true if a trivial query succeeded within the implementation's timeout. */
    boolean storageReachable();
}
