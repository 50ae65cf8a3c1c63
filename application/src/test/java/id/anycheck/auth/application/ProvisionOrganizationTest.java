package id.anycheck.auth.application;

import static id.anycheck.auth.application.Rejections.invalidFieldsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import id.anycheck.auth.application.fakes.InMemoryPorts;
import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.organization.Plan;
import id.anycheck.auth.domain.port.PasswordHasher.Verification;
import id.anycheck.auth.domain.user.EmailAddress;
import id.anycheck.auth.domain.user.Password;
import id.anycheck.auth.domain.user.User;
import id.anycheck.auth.application.apikey.IssueApiKey;
import id.anycheck.auth.domain.apikey.ApiKey;
import id.anycheck.auth.domain.apikey.ApiKeyEnvironment;
import id.anycheck.auth.domain.verification.ServiceCatalogue;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProvisionOrganizationTest {

    private static final String ADMIN_PASSWORD = "correct horse battery staple";

    private final InMemoryPorts ports = new InMemoryPorts();
    private final IssueApiKey issueApiKey = new IssueApiKey(ports.apiKeys(), ports.organizations(),
            new Administrators(ports.users()), new AuditTrail(ports.auditLog(), ports.clock()), ports.random(),
            ports.clock());
    private final ProvisionOrganization provisionOrganization = new ProvisionOrganization(ports.organizations(),
            ports.passwordHasher(), new PasswordGenerator(ports.random()), issueApiKey,
            new ServiceCatalogue(ServiceCatalogue.DEFAULT_SERVICES), ports.clock());

    @Test
    void provisionIssuesFirstLiveKeyInDefaultGroup() {
        ProvisionedOrganization provisioned = provisionOrganization.provision(command(Optional.of(ADMIN_PASSWORD)));

        ApiKey key = provisioned.firstApiKey().key();
        assertThat(key.environment()).isEqualTo(ApiKeyEnvironment.LIVE);
        assertThat(key.groupId()).isEqualTo(provisioned.defaultGroup().id());
        assertThat(key.createdBy().isOperator()).isTrue();
        assertThat(ports.apiKeys().findByLookupId(provisioned.firstApiKey().plaintext().lookupId())).contains(key);
    }

    @Test
    void provisionStoresOrganization() {
        ProvisionedOrganization provisioned = provisionOrganization.provision(command(Optional.of(ADMIN_PASSWORD)));

        Organization stored = ports.organizations().findById(provisioned.organization().id()).orElseThrow();
        assertThat(stored.name()).isEqualTo("Acme Bank");
        assertThat(stored.plan()).isEqualTo(Plan.BUSINESS);
        assertThat(stored.active()).isTrue();
        assertThat(stored.createdAt()).isEqualTo(ports.clock().instant());
    }

    @Test
    void provisionNormalizesName() {
        ProvisionOrganizationCommand command = new ProvisionOrganizationCommand(
                "  Ａｃｍｅ Bank ", " Enterprise ", "ana@example.com", "Ana", Optional.of(ADMIN_PASSWORD));

        ProvisionedOrganization provisioned = provisionOrganization.provision(command);

        assertThat(provisioned.organization().name()).isEqualTo("Acme Bank");
        assertThat(provisioned.organization().plan()).isEqualTo(Plan.ENTERPRISE);
    }

    @Test
    void provisionCreatesDefaultGroup() {
        ProvisionedOrganization provisioned = provisionOrganization.provision(command(Optional.of(ADMIN_PASSWORD)));

        Group group = provisioned.defaultGroup();
        assertThat(group.name()).isEqualTo("Default");
        assertThat(group.organizationId()).isEqualTo(provisioned.organization().id());
        assertThat(ports.organizations().groupsOf(provisioned.organization().id())).containsExactly(group);
    }

    @Test
    void provisionCreatesAdmin() {
        ProvisionedOrganization provisioned = provisionOrganization.provision(command(Optional.of(ADMIN_PASSWORD)));

        User admin = ports.users().findByEmail(EmailAddress.parse("ana@example.com")).orElseThrow();
        assertThat(admin).isEqualTo(provisioned.admin());
        assertThat(admin.admin()).isTrue();
        assertThat(admin.active()).isTrue();
        assertThat(admin.name()).isEqualTo("Ana");
        assertThat(admin.organizationId()).isEqualTo(provisioned.organization().id());
    }

    @Test
    void givenPasswordNotGenerated() {
        ProvisionedOrganization provisioned = provisionOrganization.provision(command(Optional.of(ADMIN_PASSWORD)));

        assertThat(provisioned.generatedPassword()).isEmpty();
        assertThat(verifyAdminPassword(provisioned, ADMIN_PASSWORD)).isEqualTo(Verification.MATCH);
    }

    @Test
    void missingPasswordGenerated() {
        ProvisionedOrganization provisioned = provisionOrganization.provision(command(Optional.empty()));

        String generated = provisioned.generatedPassword().orElseThrow();
        assertThat(generated).hasSize(20);
        assertThat(generated).matches("[0-9A-Za-z]{20}");
        assertThat(verifyAdminPassword(provisioned, generated)).isEqualTo(Verification.MATCH);
    }

    @Test
    void generatedPasswordLogsIn() {
        ProvisionedOrganization provisioned = provisionOrganization.provision(command(Optional.empty()));
        LogIn logIn = new LogIn(ports.users(), ports.organizations(), ports.sessions(), ports.passwordHasher(),
                ports.tokenService(), ports.mfaChallenges(), ports.mfaEnrollment(), ports.random(),
                ports.clock());

        Authentication authentication = logIn.logIn(
                LogInCommand.of("ana@example.com", provisioned.generatedPassword().orElseThrow(), RequestOrigin.unknown()));

        assertThat(authentication.user().id()).isEqualTo(provisioned.admin().id());
    }

    @Test
    void unknownPlanRejected() {
        ProvisionOrganizationCommand command = new ProvisionOrganizationCommand(
                "Acme Bank", "platinum", "ana@example.com", "Ana", Optional.of(ADMIN_PASSWORD));

        assertThat(invalidFieldsOf(() -> provisionOrganization.provision(command))).containsExactly("plan");
        assertThat(ports.organizations().count()).isZero();
    }

    @Test
    void invalidAdminEmailRejected() {
        ProvisionOrganizationCommand command = new ProvisionOrganizationCommand(
                "Acme Bank", "business", "ana.example.com", "Ana", Optional.of(ADMIN_PASSWORD));

        assertThat(invalidFieldsOf(() -> provisionOrganization.provision(command))).containsExactly("admin_email");
        assertThat(ports.organizations().count()).isZero();
    }

    @Test
    void shortAdminPasswordRejected() {
        ProvisionOrganizationCommand command = new ProvisionOrganizationCommand(
                "Acme Bank", "business", "ana@example.com", "Ana", Optional.of("1234567"));

        assertThat(invalidFieldsOf(() -> provisionOrganization.provision(command)))
                .containsExactly("admin_password");
        assertThat(ports.organizations().count()).isZero();
    }

    @Test
    void blankAdminNameRejected() {
        ProvisionOrganizationCommand command = new ProvisionOrganizationCommand(
                "Acme Bank", "business", "ana@example.com", " ", Optional.of(ADMIN_PASSWORD));

        assertThat(invalidFieldsOf(() -> provisionOrganization.provision(command))).containsExactly("admin_name");
    }

    @Test
    void allAdminProblemsNamed() {
        ProvisionOrganizationCommand command = new ProvisionOrganizationCommand(
                "Acme Bank", "business", "ana", "", Optional.of("short"));

        assertThat(invalidFieldsOf(() -> provisionOrganization.provision(command)))
                .containsExactly("admin_email", "admin_name", "admin_password");
    }

    @Test
    void everyProblemNamedAtOnce() {
        ProvisionOrganizationCommand command = new ProvisionOrganizationCommand(
                " ", "gold", "ana", "", Optional.of("short"));

        assertThat(invalidFieldsOf(() -> provisionOrganization.provision(command)))
                .containsExactly("name", "plan", "admin_email", "admin_name", "admin_password");
    }

    @Test
    void blankNameRejected() {
        ProvisionOrganizationCommand command = new ProvisionOrganizationCommand(
                "  ", "business", "ana@example.com", "Ana", Optional.of(ADMIN_PASSWORD));

        assertThat(invalidFieldsOf(() -> provisionOrganization.provision(command))).containsExactly("name");
    }

    @Test
    void duplicateAdminEmailConflicts() {
        provisionOrganization.provision(command(Optional.of(ADMIN_PASSWORD)));
        ProvisionOrganizationCommand second = new ProvisionOrganizationCommand(
                "Other Bank", "starter", "ANA@example.com", "Ana Again", Optional.of(ADMIN_PASSWORD));

        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> provisionOrganization.provision(second));
    }

    @Test
    void conflictStoresNothing() {
        provisionOrganization.provision(command(Optional.of(ADMIN_PASSWORD)));
        ProvisionOrganizationCommand second = new ProvisionOrganizationCommand(
                "Other Bank", "starter", "ana@example.com", "Ana Again", Optional.of(ADMIN_PASSWORD));

        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> provisionOrganization.provision(second));

        assertThat(ports.organizations().count()).isEqualTo(1);
        assertThat(ports.users().count()).isEqualTo(1);
    }

    private static ProvisionOrganizationCommand command(Optional<String> adminPassword) {
        return new ProvisionOrganizationCommand("Acme Bank", "business", "ana@example.com", "Ana", adminPassword);
    }

    private Verification verifyAdminPassword(ProvisionedOrganization provisioned, String password) {
        String storedHash = ports.users().findById(provisioned.admin().id()).orElseThrow().passwordHash().orElseThrow();
        return ports.passwordHasher().verify(Password.presented(password), storedHash);
    }
}
