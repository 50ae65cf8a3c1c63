package id.anycheck.auth.domain.session;

import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.user.UserId;
import java.util.Objects;

/** The authenticated caller of a request: a user acting through one live session. */
public record Principal(UserId userId, OrganizationId organizationId, SessionId sessionId) {

    public Principal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(sessionId, "sessionId");
    }
}
