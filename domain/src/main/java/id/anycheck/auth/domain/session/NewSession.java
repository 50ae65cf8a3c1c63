package id.anycheck.auth.domain.session;

import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A login session as it is first stored: the hash of its first refresh token id and when that
 * token expires. Each refresh replaces both.
 */
public record NewSession(
        SessionId id,
        UserId userId,
        OrganizationId organizationId,
        String refreshTokenHash,
        Instant refreshExpiresAt,
        Instant createdAt) {

    public NewSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(refreshTokenHash, "refreshTokenHash");
        Objects.requireNonNull(refreshExpiresAt, "refreshExpiresAt");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
