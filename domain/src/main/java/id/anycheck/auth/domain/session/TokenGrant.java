package id.anycheck.auth.domain.session;

import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/** Claims that a new pair of access and refresh tokens asserts. */
public record TokenGrant(
        UserId userId,
        OrganizationId organizationId,
        SessionId sessionId,
        RefreshTokenId refreshTokenId,
        Instant issuedAt) {

    public TokenGrant {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(refreshTokenId, "refreshTokenId");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }
}
