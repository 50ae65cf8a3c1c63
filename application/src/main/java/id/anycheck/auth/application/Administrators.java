package id.anycheck.auth.application;

import id.anycheck.auth.application.access.Actors;
import id.anycheck.auth.domain.access.Action;
import id.anycheck.auth.domain.access.Actor;
import id.anycheck.auth.domain.error.ForbiddenException;
import id.anycheck.auth.domain.organization.OrganizationId;

/**
 * Checks that a caller may manage the API keys of an organization. The operator on the command
 * line always may; anyone else needs {@link Action#MANAGE_API_KEYS} in that very organization,
 * with roles read from storage at each call, so that a demotion takes effect at once. Thread-safe.
 */
public final class Administrators {

    private final Actors actors;

    public Administrators(Actors actors) {
        this.actors = actors;
    }

    /**
     * @throws ForbiddenException if the caller may not manage the organization's API keys
     * @throws id.anycheck.auth.domain.error.AuthenticationException TOKEN_REVOKED if the calling
     *     user was deactivated
     */
    public void requireKeyManager(Caller caller, OrganizationId organizationId) {
        if (caller.isOperator()) {
            return;
        }
        Actor actor = actors.of(caller.principal().orElseThrow());
        if (!actor.organizationId().equals(organizationId)) {
            throw new ForbiddenException("API keys of another organization cannot be managed.");
        }
        actor.require(Action.MANAGE_API_KEYS);
    }
}
