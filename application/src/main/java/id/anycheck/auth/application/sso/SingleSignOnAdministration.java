package id.anycheck.auth.application.sso;

import id.anycheck.auth.application.AuditTrail;
import id.anycheck.auth.application.Caller;
import id.anycheck.auth.application.access.Actors;
import id.anycheck.auth.domain.access.Action;
import id.anycheck.auth.domain.access.Actor;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.error.InvalidInputException;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.port.OrganizationRepository;
import id.anycheck.auth.domain.port.SingleSignOnRepository;
import id.anycheck.auth.domain.sso.SingleSignOnSettings;
import id.anycheck.auth.domain.sso.UnknownUserPolicy;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Use cases: show the single sign-on settings of the caller's organization, and let its Admin
 * replace them. Thread-safe.
 */
public final class SingleSignOnAdministration {

    /** New settings as the Admin sent them, checked by {@link #check}. */
    public record Change(Set<String> allowedTenantIds, UnknownUserPolicy unknownUsers, Optional<GroupId> defaultGroupId) {
    }

    private final SingleSignOnRepository repository;
    private final OrganizationRepository organizations;
    private final Actors actors;
    private final AuditTrail auditTrail;
    private final Clock clock;

    public SingleSignOnAdministration(SingleSignOnRepository repository, OrganizationRepository organizations,
            Actors actors, AuditTrail auditTrail, Clock clock) {
        this.repository = repository;
        this.organizations = organizations;
        this.actors = actors;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    public SingleSignOnSettings show(Caller caller) {
        Actor actor = actors.of(caller.principal().orElseThrow());
        actor.require(Action.VIEW_ORGANIZATION);

        return repository.settingsOf(actor.organizationId());
    }

    /**
     * Checks that the caller is the Admin and that the change is valid, without saving it, so
     * that a request changing other fields too can fail before it changes anything.
     *
     * @throws InvalidInputException naming the field {@code sso} for an invalid tenant id, a
     *     missing or superfluous default group, or a group that is not the organization's
     * @throws ConflictException if another organization allows one of the tenants
     */
    public SingleSignOnSettings check(Caller caller, Change change) {
        Actor actor = actors.of(caller.principal().orElseThrow());
        actor.require(Action.UPDATE_ORGANIZATION);

        SingleSignOnSettings settings;
        try {
            Set<String> tenantIds = change.allowedTenantIds().stream()
                    .map(tenantId -> tenantId.strip().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toSet());
            settings = new SingleSignOnSettings(actor.organizationId(), tenantIds,
                    change.unknownUsers(), change.defaultGroupId());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("sso", e.getMessage());
        }
        if (change.defaultGroupId().isPresent()
                && organizations.findGroup(actor.organizationId(), change.defaultGroupId().get()).isEmpty()) {
            throw InvalidInputException.of("sso.default_group_id", "is not a group of this organization");
        }
        for (String tenantId : settings.allowedTenantIds()) {
            boolean allowedElsewhere = repository.settingsOfTenant(tenantId)
                    .filter(other -> !other.organizationId().equals(actor.organizationId()))
                    .isPresent();
            if (allowedElsewhere) {
                throw new ConflictException("Another organization already allows tenant " + tenantId
                        + ". A tenant can sign in to one organization only.");
            }
        }
        return settings;
    }

    /**
     * Saves settings that {@link #check} returned and records the change.
     *
     * @throws ConflictException if another organization allowed one of the tenants since {@link #check}
     */
    public SingleSignOnSettings save(Caller caller, SingleSignOnSettings settings) {
        SingleSignOnSettings before = repository.settingsOf(settings.organizationId());
        if (before.equals(settings)) {
            return settings;
        }

        repository.saveSettings(settings, clock.instant());

        Map<String, String> details = new LinkedHashMap<>();
        details.put("allowed_tenant_ids", String.join(",", settings.allowedTenantIds().stream().sorted().toList()));
        details.put("unknown_users", settings.unknownUsers().externalName());
        settings.defaultGroupId().ifPresent(group -> details.put("default_group_id", group.toString()));
        auditTrail.record(AuditEventType.SSO_SETTINGS_CHANGED, settings.organizationId(), caller,
                settings.organizationId().toString(), details);
        return settings;
    }
}
