package id.anycheck.auth.domain.error;

/**
 * The caller is authenticated, but their role does not allow the action. The message is public
 * and names the role needed.
 */
public final class ForbiddenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String publicMessage) {
        super(publicMessage, null, false, false);
    }
}
