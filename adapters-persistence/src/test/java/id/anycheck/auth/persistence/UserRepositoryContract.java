package id.anycheck.auth.persistence;

import static id.anycheck.auth.persistence.Fixtures.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.error.StorageUnavailableException;
import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.port.UserRepository;
import id.anycheck.auth.domain.user.EmailAddress;
import id.anycheck.auth.domain.user.GroupRole;
import id.anycheck.auth.domain.user.Membership;
import id.anycheck.auth.domain.user.Role;
import id.anycheck.auth.domain.user.User;
import id.anycheck.auth.domain.user.UserId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link JdbiUserRepository}, run on each supported database by a subclass. */
abstract class UserRepositoryContract extends DatabaseContractBase {

    private Jdbi jdbi;
    private UserRepository users;
    private OrganizationId organizationId;
    private Group membersGroup;

    @BeforeEach
    void storeOrganization() {
        jdbi = database().jdbi();
        users = new JdbiUserRepository(jdbi);
        organizationId = Fixtures.storeOrganizationWithAdmin(jdbi).organizationId();
        membersGroup = Fixtures.group(organizationId, "Members");
        Fixtures.storeGroup(jdbi, membersGroup);
    }

    @Test
    void findByIdReturnsAddedUser() {
        User user = Fixtures.user(organizationId, Fixtures.uniqueEmail());

        users.add(user, List.of());

        assertThat(users.findById(user.id())).contains(user);
    }

    @Test
    void findByIdOfUnknownUserIsEmpty() {
        assertThat(users.findById(UserId.random())).isEmpty();
    }

    @Test
    void userWithoutPasswordHashRoundTrips() {
        User ssoUser = new User(UserId.random(), organizationId, EmailAddress.parse(Fixtures.uniqueEmail()),
                "Single Sign-On User", Optional.empty(), false, true, Fixtures.CREATED_AT);

        users.add(ssoUser, List.of());

        assertThat(users.findById(ssoUser.id()).orElseThrow().passwordHash()).isEmpty();
    }

    @Test
    void findByEmailIgnoresCase() {
        User user = Fixtures.user(organizationId, "Ana@Example.com");
        users.add(user, List.of());

        Optional<User> found = users.findByEmail(EmailAddress.parse("ana@EXAMPLE.com"));

        assertThat(found.map(User::id)).contains(user.id());
    }

    @Test
    void findByEmailKeepsEnteredCase() {
        User user = Fixtures.user(organizationId, "Dewi@Example.com");
        users.add(user, List.of());

        User found = users.findByEmail(EmailAddress.parse("dewi@example.com")).orElseThrow();

        assertThat(found.email().value()).isEqualTo("Dewi@Example.com");
    }

    @Test
    void findByEmailMatchesFullWidthVariant() {
        User user = Fixtures.user(organizationId, "Budi@Example.com");
        users.add(user, List.of());

        // Full-width letters, at sign and full stop (Unicode block U+FF00 to U+FFEF), which NFKC maps to ASCII.
        Optional<User> found = users.findByEmail(EmailAddress.parse("ｂｕｄｉ＠ＥＸＡＭＰＬＥ．ｃｏｍ"));

        assertThat(found.map(User::id)).contains(user.id());
    }

    @Test
    void findByEmailOfUnknownAddressIsEmpty() {
        assertThat(users.findByEmail(EmailAddress.parse(Fixtures.uniqueEmail()))).isEmpty();
    }

    @Test
    void addWithEmailInOtherCaseThrowsConflict() {
        users.add(Fixtures.user(organizationId, "Citra@Example.com"), List.of());
        User second = Fixtures.user(organizationId, "CITRA@example.COM");

        assertThatThrownBy(() -> users.add(second, List.of(new Membership(second.id(), membersGroup.id(), Role.USER))))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void addWithTakenEmailStoresNothing() {
        User first = Fixtures.user(organizationId, "Eko@Example.com");
        users.add(first, List.of());
        User second = Fixtures.user(organizationId, "eko@example.com");

        catchThrowable(() -> users.add(second, List.of(new Membership(second.id(), membersGroup.id(), Role.USER))));

        assertThat(users.findById(second.id())).isEmpty();
        assertThat(count(jdbi, "SELECT COUNT(*) FROM memberships WHERE user_id = :id", second.id().value()))
                .isZero();
        assertThat(users.findByEmail(first.email()).map(User::id)).contains(first.id());
    }

    @Test
    void addWithUnknownGroupStoresNothing() {
        User user = Fixtures.user(organizationId, Fixtures.uniqueEmail());
        List<Membership> memberships = List.of(
                new Membership(user.id(), membersGroup.id(), Role.USER),
                new Membership(user.id(), GroupId.random(), Role.USER));

        Throwable thrown = catchThrowable(() -> users.add(user, memberships));

        assertThat(thrown).isNotNull();
        assertThat(thrown).isNotInstanceOf(ConflictException.class);
        assertThat(thrown).isNotInstanceOf(StorageUnavailableException.class);
        assertThat(users.findById(user.id())).isEmpty();
        assertThat(count(jdbi, "SELECT COUNT(*) FROM memberships WHERE user_id = :id", user.id().value()))
                .isZero();
    }

    @Test
    void updatePasswordHashReplacesHash() {
        User user = Fixtures.user(organizationId, Fixtures.uniqueEmail());
        users.add(user, List.of());
        String rehashed = "$argon2id$v=19$m=19456,t=2,p=1$ERERERERERERERERERERERE$IiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiI";

        users.updatePasswordHash(user.id(), rehashed);

        assertThat(users.findById(user.id()).orElseThrow().passwordHash()).contains(rehashed);
    }

    @Test
    void updatePasswordHashLeavesOtherUsers() {
        User user = Fixtures.user(organizationId, Fixtures.uniqueEmail());
        User other = Fixtures.user(organizationId, Fixtures.uniqueEmail());
        users.add(user, List.of());
        users.add(other, List.of());

        users.updatePasswordHash(user.id(), "$argon2id$v=19$m=19456,t=2,p=1$changed$changed");

        assertThat(users.findById(other.id())).contains(other);
    }

    @Test
    void groupRolesOfOrdersByGroupName() {
        Group zeta = Fixtures.group(organizationId, "Zeta");
        Group alpha = Fixtures.group(organizationId, "Alpha");
        Group middle = Fixtures.group(organizationId, "Middle");
        Fixtures.storeGroup(jdbi, zeta);
        Fixtures.storeGroup(jdbi, alpha);
        Fixtures.storeGroup(jdbi, middle);
        User user = Fixtures.user(organizationId, Fixtures.uniqueEmail());

        users.add(user, List.of(
                new Membership(user.id(), zeta.id(), Role.MANAGER),
                new Membership(user.id(), alpha.id(), Role.USER),
                new Membership(user.id(), middle.id(), Role.MANAGER)));

        assertThat(users.groupRolesOf(user.id())).containsExactly(
                new GroupRole(alpha, Role.USER),
                new GroupRole(middle, Role.MANAGER),
                new GroupRole(zeta, Role.MANAGER));
    }

    @Test
    void groupRolesOfOmitsOtherUsersGroups() {
        Group other = Fixtures.group(organizationId, "Other");
        Fixtures.storeGroup(jdbi, other);
        User user = Fixtures.user(organizationId, Fixtures.uniqueEmail());
        User colleague = Fixtures.user(organizationId, Fixtures.uniqueEmail());
        users.add(user, List.of(new Membership(user.id(), membersGroup.id(), Role.USER)));
        users.add(colleague, List.of(new Membership(colleague.id(), other.id(), Role.MANAGER)));

        assertThat(users.groupRolesOf(user.id())).containsExactly(new GroupRole(membersGroup, Role.USER));
    }

    @Test
    void groupRolesOfUserWithoutMembershipsIsEmpty() {
        User user = Fixtures.user(organizationId, Fixtures.uniqueEmail());
        users.add(user, List.of());

        assertThat(users.groupRolesOf(user.id())).isEmpty();
    }
}
