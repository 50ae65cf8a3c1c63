package id.anycheck.auth.application.apikey;

import id.anycheck.auth.application.Administrators;
import id.anycheck.auth.application.AuditTrail;
import id.anycheck.auth.application.Caller;
import id.anycheck.auth.domain.apikey.ApiKey;
import id.anycheck.auth.domain.apikey.ApiKeyCreator;
import id.anycheck.auth.domain.apikey.PlaintextApiKey;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.error.InvalidInputException;
import id.anycheck.auth.domain.error.NotFoundException;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.port.ApiKeyRepository;
import id.anycheck.auth.domain.port.OrganizationRepository;
import id.anycheck.auth.domain.principal.UserPrincipal;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Use case: issue an API key to an organization, bound to one of its groups. The operator does it
 * for a new contract; afterwards the organization's Admin does. Keys beyond the organization's
 * contract limit of active keys are rejected. Thread-safe.
 */
public final class IssueApiKey {

    private static final System.Logger LOG = System.getLogger(IssueApiKey.class.getName());

    private final ApiKeyRepository apiKeys;
    private final OrganizationRepository organizations;
    private final Administrators administrators;
    private final AuditTrail auditTrail;
    private final SecureRandom random;
    private final Clock clock;

    public IssueApiKey(ApiKeyRepository apiKeys, OrganizationRepository organizations, Administrators administrators,
            AuditTrail auditTrail, SecureRandom random, Clock clock) {
        this.apiKeys = apiKeys;
        this.organizations = organizations;
        this.administrators = administrators;
        this.auditTrail = auditTrail;
        this.random = random;
        this.clock = clock;
    }

    /**
     * @throws InvalidInputException for invalid fields
     * @throws NotFoundException if the organization, or the group in it, does not exist
     * @throws id.anycheck.auth.domain.error.ForbiddenException if the caller is not its Admin
     * @throws ConflictException if the organization is inactive or at its limit of active keys
     */
    public IssuedApiKey issue(IssueApiKeyCommand command, Caller caller) {
        IssueApiKeyCommand.Valid valid = command.validate();
        administrators.requireKeyManager(caller, valid.organizationId());

        Organization organization = organizations.findById(valid.organizationId())
                .orElseThrow(() -> new NotFoundException("Organization " + valid.organizationId() + " not found."));
        if (!organization.active()) {
            throw new ConflictException("Organization " + organization.id() + " is inactive.");
        }
        if (organizations.findGroup(organization.id(), valid.groupId()).isEmpty()) {
            throw new NotFoundException("Group " + valid.groupId() + " not found.");
        }

        Instant now = clock.instant();
        PlaintextApiKey plaintext = PlaintextApiKey.generate(valid.environment(), random);
        ApiKey key = ApiKey.issued(plaintext, organization.id(), valid.groupId(), valid.name(), creatorOf(caller),
                now, now.plus(Duration.ofDays(valid.expiresInDays())), Optional.empty());
        if (!apiKeys.addWithinLimit(key, now)) {
            throw new ConflictException("The organization has reached its contract limit of "
                    + apiKeys.limitOf(organization.id()) + " active API keys. Revoke one first,"
                    + " or ask the operator to raise the limit.");
        }

        auditTrail.record(AuditEventType.API_KEY_ISSUED, organization.id(), caller, key.id().toString(),
                Map.of("name", key.name(), "environment", key.environment().externalName(),
                        "group_id", key.groupId().toString(), "prefix", key.prefix()));
        LOG.log(Level.INFO, "Issued API key {0} ({1}) in group {2} of organization {3}",
                key.id(), key.prefix(), key.groupId(), organization.id());
        return new IssuedApiKey(key, plaintext);
    }

    static ApiKeyCreator creatorOf(Caller caller) {
        return caller.principal()
                .filter(UserPrincipal.class::isInstance)
                .map(principal -> ApiKeyCreator.user(((UserPrincipal) principal).userId()))
                .orElseGet(ApiKeyCreator::operator);
    }
}
