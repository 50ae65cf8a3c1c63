package id.anycheck.auth.application;

import static id.anycheck.auth.application.Rejections.invalidFieldsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import id.anycheck.auth.application.fakes.InMemoryPorts;
import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.port.PasswordHasher.Verification;
import id.anycheck.auth.domain.user.EmailAddress;
import id.anycheck.auth.domain.user.GroupRole;
import id.anycheck.auth.domain.user.Membership;
import id.anycheck.auth.domain.user.Password;
import id.anycheck.auth.domain.user.Role;
import id.anycheck.auth.domain.user.User;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CreateUserTest {

    private static final String PASSWORD = "correct horse battery staple";

    private final InMemoryPorts ports = new InMemoryPorts();
    private final User admin = ports.addOrganizationWithAdmin("Acme Bank", "admin@example.com", PASSWORD);
    private final Group retail = ports.addGroup(admin.organizationId(), "Retail");
    private final Group compliance = ports.addGroup(admin.organizationId(), "Compliance");
    private final CreateUser createUser = new CreateUser(
            ports.users(), ports.organizations(), ports.passwordHasher(), new PasswordGenerator(ports.random()), ports.clock());

    @Test
    void createStoresUser() {
        CreatedUser created = createUser.create(command("ana@example.com", Optional.of(PASSWORD)));

        User stored = ports.users().findByEmail(EmailAddress.parse("ana@example.com")).orElseThrow();
        assertThat(stored).isEqualTo(created.user());
        assertThat(stored.organizationId()).isEqualTo(admin.organizationId());
        assertThat(stored.name()).isEqualTo("Ana");
        assertThat(stored.admin()).isFalse();
        assertThat(stored.active()).isTrue();
    }

    @Test
    void membershipsStoredWithRoles() {
        CreatedUser created = createUser.create(command("ana@example.com", Optional.of(PASSWORD)));

        assertThat(ports.users().membershipsOf(created.user().id())).containsExactlyInAnyOrder(
                new Membership(created.user().id(), retail.id(), Role.USER),
                new Membership(created.user().id(), compliance.id(), Role.MANAGER));
    }

    @Test
    void groupRolesReadBack() {
        CreatedUser created = createUser.create(command("ana@example.com", Optional.of(PASSWORD)));

        assertThat(ports.users().groupRolesOf(created.user().id())).containsExactly(
                new GroupRole(compliance, Role.MANAGER),
                new GroupRole(retail, Role.USER));
    }

    @Test
    void noGroupsNoMemberships() {
        CreateUserCommand command = new CreateUserCommand(
                admin.organizationId(), "ana@example.com", "Ana", Optional.of(PASSWORD), Map.of());

        CreatedUser created = createUser.create(command);

        assertThat(ports.users().membershipsOf(created.user().id())).isEmpty();
    }

    @Test
    void givenPasswordNotGenerated() {
        CreatedUser created = createUser.create(command("ana@example.com", Optional.of(PASSWORD)));

        assertThat(created.temporaryPassword()).isEmpty();
        assertThat(verifyStoredPassword(created, PASSWORD)).isEqualTo(Verification.MATCH);
    }

    @Test
    void missingPasswordGenerated() {
        CreatedUser created = createUser.create(command("ana@example.com", Optional.empty()));

        String temporary = created.temporaryPassword().orElseThrow();
        assertThat(temporary).matches("[0-9A-Za-z]{20}");
        assertThat(verifyStoredPassword(created, temporary)).isEqualTo(Verification.MATCH);
    }

    @Test
    void toStringHidesPassword() {
        CreatedUser created = createUser.create(command("ana@example.com", Optional.empty()));

        assertThat(created.toString()).doesNotContain(created.temporaryPassword().orElseThrow());
    }

    @Test
    void duplicateEmailConflicts() {
        createUser.create(command("ana@example.com", Optional.of(PASSWORD)));

        assertThatExceptionOfType(ConflictException.class)
                .isThrownBy(() -> createUser.create(command("Ana@Example.com", Optional.of(PASSWORD))));
    }

    @Test
    void conflictKeepsFirstUser() {
        CreatedUser first = createUser.create(command("ana@example.com", Optional.of(PASSWORD)));

        assertThatExceptionOfType(ConflictException.class)
                .isThrownBy(() -> createUser.create(command("ana@example.com", Optional.of(PASSWORD))));

        assertThat(ports.users().findByEmail(EmailAddress.parse("ana@example.com"))).contains(first.user());
    }

    @Test
    void invalidFieldsNamed() {
        CreateUserCommand command = new CreateUserCommand(
                admin.organizationId(), "not an email", "", Optional.of("short"), Map.of());

        assertThat(invalidFieldsOf(() -> createUser.create(command))).containsExactly("email", "name", "password");
        assertThat(ports.users().count()).isEqualTo(1);
    }

    @Test
    void foreignGroupRejected() {
        User otherAdmin = ports.addOrganizationWithAdmin("Other Bank", "boss@other.example", PASSWORD);
        Group foreign = ports.addGroup(otherAdmin.organizationId(), "Foreign");
        CreateUserCommand command = new CreateUserCommand(admin.organizationId(), "ana@example.com", "Ana",
                Optional.of(PASSWORD), Map.of(retail.id(), Role.USER, foreign.id(), Role.MANAGER));

        assertThat(invalidFieldsOf(() -> createUser.create(command))).containsExactly("memberships");
        assertThat(ports.users().findByEmail(EmailAddress.parse("ana@example.com"))).isEmpty();
    }

    private CreateUserCommand command(String email, Optional<String> password) {
        return new CreateUserCommand(admin.organizationId(), email, "Ana", password,
                Map.of(retail.id(), Role.USER, compliance.id(), Role.MANAGER));
    }

    private Verification verifyStoredPassword(CreatedUser created, String password) {
        String storedHash = ports.users().findById(created.user().id()).orElseThrow().passwordHash().orElseThrow();
        return ports.passwordHasher().verify(Password.presented(password), storedHash);
    }
}
