package id.anycheck.auth.domain.session;

import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * Claims that a new pair of access and refresh tokens asserts.
 *
 * @param mfaEnrollmentRequired whether the user's organization requires MFA and the user has not
 *     turned it on, which limits the access token to the routes that enrol a second factor
 */
public record TokenGrant(
        UserId userId,
        OrganizationId organizationId,
        SessionId sessionId,
        RefreshTokenId refreshTokenId,
        Instant issuedAt,
        boolean mfaEnrollmentRequired) {

    public TokenGrant {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(refreshTokenId, "refreshTokenId");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    /** Creates a grant whose access token is not limited to MFA enrolment. */
    public TokenGrant(UserId userId, OrganizationId organizationId, SessionId sessionId, RefreshTokenId refreshTokenId,
            Instant issuedAt) {
        this(userId, organizationId, sessionId, refreshTokenId, issuedAt, false);
    }
}
