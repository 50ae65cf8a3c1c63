package id.anycheck.auth.domain.port;

import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.sso.PendingSignIn;
import id.anycheck.auth.domain.sso.SingleSignOnSettings;
import id.anycheck.auth.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: single sign-on settings of organizations, the links between users and their
 * identities at the provider, and sign-ins waiting for their callback. Implementations are
 * thread-safe.
 */
public interface SingleSignOnRepository {

    /** Stores a started sign-in, and deletes the ones that expired before {@code now}. */
    void savePendingSignIn(PendingSignIn pendingSignIn, Instant now);

    /**
     * Removes and returns the sign-in with this state hash, expired or not, in one atomic step:
     * of several concurrent calls with one hash, at most one receives it.
     */
    Optional<PendingSignIn> takePendingSignIn(String stateHash);

    /** Returns the organization's settings; an organization that never saved any has them disabled. */
    SingleSignOnSettings settingsOf(OrganizationId organizationId);

    /** Returns the settings of the organization that allows this tenant, if one does. */
    Optional<SingleSignOnSettings> settingsOfTenant(String tenantId);

    /**
     * Replaces the organization's settings, all or nothing.
     *
     * @throws id.anycheck.auth.domain.error.ConflictException if another organization allows
     *     one of the tenants
     */
    void saveSettings(SingleSignOnSettings settings, Instant now);

    /** Returns the user linked to this identity at the provider. */
    Optional<UserId> linkedUser(String tenantId, String objectId);

    /**
     * Links a user to an identity at the provider. Returns false, changing nothing, if the user
     * or the identity is linked already: each user has at most one identity and the reverse.
     */
    boolean link(UserId userId, String tenantId, String objectId, Instant now);
}
