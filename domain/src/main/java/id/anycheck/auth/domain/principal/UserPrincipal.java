package id.anycheck.auth.domain.principal;

import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.session.SessionId;
import id.anycheck.auth.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * A user acting through one live session, authenticated by an access token.
 *
 * @param mfaEnrollmentRequired whether the organization requires MFA and the user had not turned it
 *     on when the access token was issued, so that only the routes that enrol a second factor work
 */
public record UserPrincipal(UserId userId, OrganizationId organizationId, SessionId sessionId,
        boolean mfaEnrollmentRequired) implements Principal {

    public UserPrincipal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(sessionId, "sessionId");
    }

    /** Creates a principal whose access is not limited to MFA enrolment. */
    public UserPrincipal(UserId userId, OrganizationId organizationId, SessionId sessionId) {
        this(userId, organizationId, sessionId, false);
    }

    @Override
    public String id() {
        return userId.toString();
    }

    @Override
    public Optional<GroupId> boundGroupId() {
        return Optional.empty();
    }
}
