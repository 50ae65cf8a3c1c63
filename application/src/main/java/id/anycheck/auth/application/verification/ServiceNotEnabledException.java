package id.anycheck.auth.application.verification;

import id.anycheck.auth.domain.organization.GroupId;

/** The group does not enable the requested verification service. The message is public. */
public final class ServiceNotEnabledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServiceNotEnabledException(String service, GroupId groupId) {
        super("The service '" + service + "' is not enabled for group " + groupId
                + ". A Manager of the group or the Admin can enable it.", null, false, false);
    }
}
