package id.anycheck.auth.domain.principal;

import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.session.SessionId;
import id.anycheck.auth.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/** A user acting through one live session, authenticated by an access token. */
public record UserPrincipal(UserId userId, OrganizationId organizationId, SessionId sessionId) implements Principal {

    public UserPrincipal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(sessionId, "sessionId");
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
