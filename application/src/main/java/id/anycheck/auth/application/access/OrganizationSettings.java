package id.anycheck.auth.application.access;

import id.anycheck.auth.application.AuditTrail;
import id.anycheck.auth.application.Caller;
import id.anycheck.auth.domain.access.Action;
import id.anycheck.auth.domain.access.Actor;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.AuthenticationFailure;
import id.anycheck.auth.domain.error.InvalidInputException;
import id.anycheck.auth.domain.organization.DisplayNames;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.port.ApiKeyRepository;
import id.anycheck.auth.domain.port.OrganizationRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Use cases: view the caller's organization, and let its Admin change its name and MFA rule. Thread-safe. */
public final class OrganizationSettings {

    /** The organization with the operator's contract limit of active API keys. */
    public record View(Organization organization, int apiKeyLimit) {
    }

    private final OrganizationRepository organizations;
    private final ApiKeyRepository apiKeys;
    private final Actors actors;
    private final AuditTrail auditTrail;

    public OrganizationSettings(OrganizationRepository organizations, ApiKeyRepository apiKeys, Actors actors,
            AuditTrail auditTrail) {
        this.organizations = organizations;
        this.apiKeys = apiKeys;
        this.actors = actors;
        this.auditTrail = auditTrail;
    }

    public View show(Caller caller) {
        Actor actor = actors.of(caller.principal().orElseThrow());
        actor.require(Action.VIEW_ORGANIZATION);

        Organization organization = load(actor);
        return new View(organization, apiKeys.limitOf(organization.id()));
    }

    /**
     * @param name a new name, or empty to keep it
     * @param mfaRequired whether every user must use a second factor, or empty to keep it
     */
    public View update(Caller caller, Optional<String> name, Optional<Boolean> mfaRequired) {
        String validName = null;
        if (name.isPresent()) {
            try {
                validName = DisplayNames.requireValid(name.get(), "name");
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("name", e.getMessage());
            }
        }
        Actor actor = actors.of(caller.principal().orElseThrow());
        actor.require(Action.UPDATE_ORGANIZATION);

        Organization before = load(actor);
        Organization after = before
                .withName(validName == null ? before.name() : validName)
                .withMfaRequired(mfaRequired.orElse(before.mfaRequired()));
        organizations.update(after);

        Map<String, String> details = new LinkedHashMap<>();
        if (!before.name().equals(after.name())) {
            details.put("name_before", before.name());
            details.put("name_after", after.name());
        }
        if (before.mfaRequired() != after.mfaRequired()) {
            details.put("mfa_required", Boolean.toString(after.mfaRequired()));
        }
        if (!details.isEmpty()) {
            auditTrail.record(AuditEventType.ORGANIZATION_UPDATED, after.id(), caller, after.id().toString(), details);
        }
        return new View(after, apiKeys.limitOf(after.id()));
    }

    private Organization load(Actor actor) {
        return organizations.findById(actor.organizationId())
                .orElseThrow(() -> new AuthenticationException(AuthenticationFailure.TOKEN_REVOKED,
                        "organization " + actor.organizationId() + " no longer exists"));
    }
}
