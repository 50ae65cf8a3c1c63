package id.anycheck.auth.domain.session;

import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.user.UserId;
import java.util.Objects;

/** The verified claims of an access token. */
public record AccessTokenClaims(UserId userId, OrganizationId organizationId, SessionId sessionId) {

    public AccessTokenClaims {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(sessionId, "sessionId");
    }
}
