package id.anycheck.auth.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.anycheck.auth.domain.apikey.ApiKey;
import id.anycheck.auth.domain.apikey.ApiKeyCreator;
import id.anycheck.auth.domain.apikey.ApiKeyEnvironment;
import id.anycheck.auth.domain.apikey.PlaintextApiKey;
import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.port.UserRepository;
import id.anycheck.auth.domain.port.UserRepository.AccountUpdate;
import id.anycheck.auth.domain.session.NewSession;
import id.anycheck.auth.domain.session.RevocationReason;
import id.anycheck.auth.domain.session.SessionId;
import id.anycheck.auth.domain.user.Membership;
import id.anycheck.auth.domain.user.Role;
import id.anycheck.auth.domain.user.User;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of the administration methods of {@link JdbiOrganizationRepository},
 * {@link JdbiUserRepository} and {@link JdbiSessionRepository}, run on each supported database.
 */
abstract class AdministrationContract extends DatabaseContractBase {

    private static final Instant NOW = Fixtures.CREATED_AT;

    private Jdbi jdbi;
    private JdbiOrganizationRepository organizations;
    private JdbiUserRepository users;
    private JdbiSessionRepository sessions;
    private User admin;
    private OrganizationId organizationId;
    private Group defaultGroup;

    @BeforeEach
    void createRepositories() {
        jdbi = database().jdbi();
        organizations = new JdbiOrganizationRepository(jdbi);
        users = new JdbiUserRepository(jdbi);
        sessions = new JdbiSessionRepository(jdbi, database().kind());
        admin = Fixtures.storeOrganizationWithAdmin(jdbi);
        organizationId = admin.organizationId();
        defaultGroup = organizations.groupsOf(organizationId).get(0);
    }

    @Test
    void updateStoresNameAndMfaRequirement() {
        Organization stored = organizations.findById(organizationId).orElseThrow();

        assertThat(organizations.update(stored.withName("Renamed").withMfaRequired(true))).isTrue();

        Organization updated = organizations.findById(organizationId).orElseThrow();
        assertThat(updated.name()).isEqualTo("Renamed");
        assertThat(updated.mfaRequired()).isTrue();
    }

    @Test
    void addGroupStoresGroupAndServices() {
        Group group = Fixtures.group(organizationId, "Compliance");

        organizations.addGroup(group, Set.of("liveness", "face_match"));

        assertThat(organizations.findGroup(organizationId, group.id())).contains(group);
        assertThat(organizations.servicesOf(group.id())).containsExactly("face_match", "liveness");
    }

    @Test
    void findGroupOfOtherOrganizationIsEmpty() {
        OrganizationId other = Fixtures.storeOrganizationWithAdmin(jdbi).organizationId();

        assertThat(organizations.findGroup(other, defaultGroup.id())).isEmpty();
    }

    @Test
    void duplicateGroupNameConflicts() {
        organizations.addGroup(Fixtures.group(organizationId, "Ops"), Set.of());
        Group second = Fixtures.group(organizationId, "Risk");
        organizations.addGroup(second, Set.of());

        assertThatThrownBy(() -> organizations.addGroup(Fixtures.group(organizationId, "Ops"), Set.of()))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> organizations.renameGroup(organizationId, second.id(), "Ops"))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void setServicesReplacesThem() {
        organizations.setServices(defaultGroup.id(), Set.of("liveness", "document_ocr"));
        organizations.setServices(defaultGroup.id(), Set.of("face_match"));

        assertThat(organizations.servicesOf(defaultGroup.id())).containsExactly("face_match");
    }

    @Test
    void deleteGroupEndsMembershipsAndRevokesKeys() {
        Group group = Fixtures.group(organizationId, "Temporary");
        organizations.addGroup(group, Set.of());
        User member = storeUser();
        users.putMembership(new Membership(member.id(), group.id(), Role.USER));
        ApiKey key = ApiKey.issued(PlaintextApiKey.generate(ApiKeyEnvironment.LIVE, new SecureRandom()),
                organizationId, group.id(), "Key", ApiKeyCreator.operator(), NOW, NOW.plusSeconds(3600),
                Optional.empty());
        new JdbiApiKeyRepository(jdbi).addWithinLimit(key, NOW);

        assertThat(organizations.deleteGroup(organizationId, group.id(), NOW)).isTrue();

        assertThat(organizations.findGroup(organizationId, group.id())).isEmpty();
        assertThat(organizations.groupsOf(organizationId)).extracting(Group::id).doesNotContain(group.id());
        assertThat(users.groupRolesOf(member.id())).isEmpty();
        assertThat(new JdbiApiKeyRepository(jdbi).findById(organizationId, key.id()).orElseThrow().revokedAt())
                .contains(NOW);
        assertThat(organizations.deleteGroup(organizationId, group.id(), NOW)).isFalse();
    }

    @Test
    void deletedGroupNameStaysTaken() {
        Group group = Fixtures.group(organizationId, "Gone");
        organizations.addGroup(group, Set.of());
        organizations.deleteGroup(organizationId, group.id(), NOW);

        assertThatThrownBy(() -> organizations.addGroup(Fixtures.group(organizationId, "Gone"), Set.of()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void listUsersPagesAndFiltersByGroup() {
        User first = storeUser();
        User second = storeUser();
        users.putMembership(new Membership(second.id(), defaultGroup.id(), Role.USER));

        List<User> all = users.list(organizationId, Optional.empty(), Optional.empty(), 10);
        List<User> members = users.list(organizationId, Optional.of(Set.of(defaultGroup.id())), Optional.empty(), 10);
        List<User> firstPage = users.list(organizationId, Optional.empty(), Optional.empty(), 1);
        User last = firstPage.get(0);
        List<User> rest = users.list(organizationId, Optional.empty(),
                Optional.of(new UserRepository.Cursor(last.createdAt(), last.id())), 10);

        assertThat(all).extracting(User::id).containsExactlyInAnyOrder(admin.id(), first.id(), second.id());
        assertThat(members).extracting(User::id).containsExactly(second.id());
        assertThat(rest).hasSize(2).doesNotContain(last);
        assertThat(users.list(organizationId, Optional.of(Set.of()), Optional.empty(), 10)).isEmpty();
    }

    @Test
    void updateAccountChangesNameAndActive() {
        User user = storeUser();

        AccountUpdate result = users.updateAccount(organizationId, user.id(), Optional.of("New Name"),
                Optional.of(false), Optional.empty());

        User stored = users.findById(user.id()).orElseThrow();
        assertThat(result).isEqualTo(AccountUpdate.UPDATED);
        assertThat(stored.name()).isEqualTo("New Name");
        assertThat(stored.active()).isFalse();
    }

    @Test
    void updateAccountOfOtherOrganizationIsNotFound() {
        OrganizationId other = Fixtures.storeOrganizationWithAdmin(jdbi).organizationId();

        assertThat(users.updateAccount(other, admin.id(), Optional.of("X"), Optional.empty(), Optional.empty()))
                .isEqualTo(AccountUpdate.NOT_FOUND);
    }

    @Test
    void lastActiveAdminCannotBeDemotedOrDeactivated() {
        assertThat(users.updateAccount(organizationId, admin.id(), Optional.empty(), Optional.empty(),
                Optional.of(false))).isEqualTo(AccountUpdate.LAST_ADMIN);
        assertThat(users.updateAccount(organizationId, admin.id(), Optional.empty(), Optional.of(false),
                Optional.empty())).isEqualTo(AccountUpdate.LAST_ADMIN);

        assertThat(users.findById(admin.id()).orElseThrow().admin()).isTrue();
    }

    @Test
    void adminWithAnotherAdminCanBeDemoted() {
        User second = storeUser();
        users.updateAccount(organizationId, second.id(), Optional.empty(), Optional.empty(), Optional.of(true));

        assertThat(users.updateAccount(organizationId, admin.id(), Optional.empty(), Optional.empty(),
                Optional.of(false))).isEqualTo(AccountUpdate.UPDATED);
    }

    @Test
    void concurrentDemotionsKeepOneAdmin() throws Exception {
        List<User> admins = new ArrayList<>(List.of(admin));
        for (int i = 0; i < 3; i++) {
            User other = storeUser();
            users.updateAccount(organizationId, other.id(), Optional.empty(), Optional.empty(), Optional.of(true));
            admins.add(other);
        }
        List<Callable<AccountUpdate>> calls = new ArrayList<>();
        for (User each : admins) {
            calls.add(() -> users.updateAccount(organizationId, each.id(), Optional.empty(), Optional.empty(),
                    Optional.of(false)));
        }

        List<AccountUpdate> results = Concurrently.run(calls);

        assertThat(results).filteredOn(AccountUpdate.LAST_ADMIN::equals).hasSize(1);
        long remainingAdmins = admins.stream()
                .filter(each -> users.findById(each.id()).orElseThrow().admin())
                .count();
        assertThat(remainingAdmins).isEqualTo(1);
    }

    @Test
    void putMembershipInsertsThenReplacesRole() {
        User user = storeUser();

        users.putMembership(new Membership(user.id(), defaultGroup.id(), Role.USER));
        users.putMembership(new Membership(user.id(), defaultGroup.id(), Role.MANAGER));

        assertThat(users.groupRolesOf(user.id())).singleElement()
                .satisfies(groupRole -> assertThat(groupRole.role()).isEqualTo(Role.MANAGER));
    }

    @Test
    void concurrentFirstGrantsLeaveOneMembership() throws Exception {
        User user = storeUser();
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Role role = i % 2 == 0 ? Role.USER : Role.MANAGER;
            calls.add(() -> {
                users.putMembership(new Membership(user.id(), defaultGroup.id(), role));
                return true;
            });
        }

        Concurrently.run(calls);

        assertThat(users.groupRolesOf(user.id())).hasSize(1);
    }

    @Test
    void removeMembershipReportsWhetherOneExisted() {
        User user = storeUser();
        users.putMembership(new Membership(user.id(), defaultGroup.id(), Role.USER));

        assertThat(users.removeMembership(user.id(), defaultGroup.id())).isTrue();
        assertThat(users.removeMembership(user.id(), defaultGroup.id())).isFalse();
        assertThat(users.groupRolesOf(user.id())).isEmpty();
    }

    @Test
    void revokeAllOfEndsEveryLiveSession() {
        User user = storeUser();
        List<SessionId> started = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            NewSession session = new NewSession(SessionId.random(), user.id(), organizationId,
                    PlaintextApiKey.hashOf("refresh " + i + " " + user.id()), NOW.plusSeconds(3600), NOW);
            sessions.start(session);
            started.add(session.id());
        }
        sessions.revoke(started.get(0), RevocationReason.LOGOUT, NOW);

        List<SessionId> revoked = sessions.revokeAllOf(user.id(), RevocationReason.USER_DEACTIVATED, NOW);

        assertThat(revoked).containsExactlyInAnyOrder(started.get(1), started.get(2));
        assertThat(started).noneMatch(sessions::isActive);
    }

    private User storeUser() {
        User user = Fixtures.user(organizationId, Fixtures.uniqueEmail());
        users.add(user, List.of());
        return user;
    }
}
