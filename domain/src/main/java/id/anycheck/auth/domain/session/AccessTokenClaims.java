package id.anycheck.auth.domain.session;

import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.user.UserId;
import java.util.Objects;

/**
 * The verified claims of an access token.
 *
 * @param mfaEnrollmentRequired whether the token only allows the routes that enrol a second factor
 */
public record AccessTokenClaims(UserId userId, OrganizationId organizationId, SessionId sessionId,
        boolean mfaEnrollmentRequired) {

    public AccessTokenClaims {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(sessionId, "sessionId");
    }

    /** Creates the claims of a token that is not limited to MFA enrolment. */
    public AccessTokenClaims(UserId userId, OrganizationId organizationId, SessionId sessionId) {
        this(userId, organizationId, sessionId, false);
    }
}
