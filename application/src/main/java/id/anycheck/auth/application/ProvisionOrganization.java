package id.anycheck.auth.application;

import id.anycheck.auth.application.apikey.IssueApiKey;
import id.anycheck.auth.application.apikey.IssueApiKeyCommand;
import id.anycheck.auth.application.apikey.IssuedApiKey;
import id.anycheck.auth.domain.apikey.ApiKeyEnvironment;
import id.anycheck.auth.domain.error.InvalidInputException;
import id.anycheck.auth.domain.verification.ServiceCatalogue;
import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.port.OrganizationRepository;
import id.anycheck.auth.domain.port.PasswordHasher;
import id.anycheck.auth.domain.user.Password;
import id.anycheck.auth.domain.user.User;
import id.anycheck.auth.domain.user.UserId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Use case: the operator sets up a customer after a signed contract, creating the organization
 * with its plan, a default group with every verification service, the organization's Admin and a
 * first live API key in that group.
 * Thread-safe.
 */
public final class ProvisionOrganization {

    /** Name of the group every new organization starts with. */
    public static final String DEFAULT_GROUP_NAME = "Default";
    /** Name of the live API key every new organization starts with. */
    public static final String FIRST_API_KEY_NAME = "First live key";

    private static final System.Logger LOG = System.getLogger(ProvisionOrganization.class.getName());

    private final OrganizationRepository organizations;
    private final PasswordHasher passwordHasher;
    private final PasswordGenerator passwordGenerator;
    private final IssueApiKey issueApiKey;
    private final ServiceCatalogue catalogue;
    private final Clock clock;

    public ProvisionOrganization(
            OrganizationRepository organizations,
            PasswordHasher passwordHasher,
            PasswordGenerator passwordGenerator,
            IssueApiKey issueApiKey,
            ServiceCatalogue catalogue,
            Clock clock) {
        this.organizations = organizations;
        this.passwordHasher = passwordHasher;
        this.passwordGenerator = passwordGenerator;
        this.issueApiKey = issueApiKey;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /**
     * @throws InvalidInputException for an invalid name, unknown plan, or invalid Admin fields
     * @throws id.anycheck.auth.domain.error.ConflictException if the Admin's email is registered
     */
    public ProvisionedOrganization provision(ProvisionOrganizationCommand command) {
        ProvisionOrganizationCommand.Valid valid = command.validate();
        NewAccount admin = valid.admin();

        Instant now = clock.instant();
        Organization organization = new Organization(OrganizationId.random(), valid.name(), valid.plan(), true, now);
        Group defaultGroup = new Group(GroupId.random(), organization.id(), DEFAULT_GROUP_NAME, now);
        Optional<String> generatedPassword = admin.password().isPresent()
                ? Optional.empty()
                : Optional.of(passwordGenerator.generate());
        Password password = admin.password().orElseGet(() -> Password.choose(generatedPassword.get()));
        User adminUser = new User(UserId.random(), organization.id(), admin.email(), admin.name(),
                Optional.of(passwordHasher.hash(password)), true, true, now);

        organizations.add(organization, defaultGroup, adminUser);
        organizations.setServices(defaultGroup.id(), catalogue.services());

        // NOTE: the key is stored in a second transaction. Should it fail, the organization exists
        // without a key, and the operator issues one with issue-api-key.
        IssuedApiKey firstApiKey = issueApiKey.issue(new IssueApiKeyCommand(organization.id(),
                defaultGroup.id().toString(), FIRST_API_KEY_NAME, ApiKeyEnvironment.LIVE.externalName(),
                Optional.empty()), Caller.operator());

        LOG.log(Level.INFO, "Provisioned organization {0} on plan {1} with Admin {2} and API key {3}",
                organization.id(), valid.plan().externalName(), adminUser.id(), firstApiKey.key().id());
        return new ProvisionedOrganization(organization, defaultGroup, adminUser, generatedPassword, firstApiKey);
    }
}
