package id.anycheck.auth.domain.error;

/** Thrown when single sign-on is requested but the server has no identity provider configured. */
public final class SingleSignOnNotConfiguredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SingleSignOnNotConfiguredException() {
        super("single sign-on is not configured", null, false, false);
    }
}
