package id.anycheck.auth.application.fakes;

import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.port.SingleSignOnRepository;
import id.anycheck.auth.domain.sso.PendingSignIn;
import id.anycheck.auth.domain.sso.SingleSignOnSettings;
import id.anycheck.auth.domain.user.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link SingleSignOnRepository} in memory, with the same one-tenant-one-organization and linking rules. */
public final class InMemorySingleSignOnRepository implements SingleSignOnRepository {

    private final Map<String, PendingSignIn> pending = new HashMap<>();
    private final Map<OrganizationId, SingleSignOnSettings> settings = new HashMap<>();
    private final Map<List<String>, UserId> links = new HashMap<>();

    @Override
    public synchronized void savePendingSignIn(PendingSignIn pendingSignIn, Instant now) {
        pending.values().removeIf(other -> other.expiresAt().isBefore(now));
        pending.put(pendingSignIn.stateHash(), pendingSignIn);
    }

    @Override
    public synchronized Optional<PendingSignIn> takePendingSignIn(String stateHash) {
        return Optional.ofNullable(pending.remove(stateHash));
    }

    @Override
    public synchronized SingleSignOnSettings settingsOf(OrganizationId organizationId) {
        return settings.getOrDefault(organizationId, SingleSignOnSettings.disabled(organizationId));
    }

    @Override
    public synchronized Optional<SingleSignOnSettings> settingsOfTenant(String tenantId) {
        return settings.values().stream().filter(candidate -> candidate.allows(tenantId)).findFirst();
    }

    @Override
    public synchronized void saveSettings(SingleSignOnSettings newSettings, Instant now) {
        for (String tenantId : newSettings.allowedTenantIds()) {
            Optional<SingleSignOnSettings> owner = settingsOfTenant(tenantId);
            if (owner.isPresent() && !owner.get().organizationId().equals(newSettings.organizationId())) {
                throw new ConflictException("Another organization already allows one of these tenants.");
            }
        }
        settings.put(newSettings.organizationId(), newSettings);
    }

    @Override
    public synchronized Optional<UserId> linkedUser(String tenantId, String objectId) {
        return Optional.ofNullable(links.get(List.of(tenantId, objectId)));
    }

    @Override
    public synchronized boolean link(UserId userId, String tenantId, String objectId, Instant now) {
        List<String> identity = List.of(tenantId, objectId);
        if (links.containsKey(identity) || links.containsValue(userId)) {
            return false;
        }
        links.put(identity, userId);
        return true;
    }

    /** Returns how many started sign-ins wait for their callback. */
    public synchronized int pendingCount() {
        return pending.size();
    }
}
