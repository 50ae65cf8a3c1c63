package id.anycheck.auth.domain.error;

/**
 * The resource does not exist in the caller's organization. A resource of another organization
 * is reported the same way, so that its id does not leak. The message is public.
 */
public final class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String publicMessage) {
        super(publicMessage, null, false, false);
    }
}
