package id.anycheck.auth.persistence;

import static id.anycheck.auth.persistence.Fixtures.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.organization.Plan;
import id.anycheck.auth.domain.port.OrganizationRepository;
import id.anycheck.auth.domain.port.UserRepository;
import id.anycheck.auth.domain.user.EmailAddress;
import id.anycheck.auth.domain.user.User;
import id.anycheck.auth.domain.user.UserId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link JdbiOrganizationRepository}, run on each supported database by a subclass. */
abstract class OrganizationRepositoryContract extends DatabaseContractBase {

    private Jdbi jdbi;
    private OrganizationRepository organizations;
    private UserRepository users;

    @BeforeEach
    void createRepositories() {
        jdbi = database().jdbi();
        organizations = new JdbiOrganizationRepository(jdbi);
        users = new JdbiUserRepository(jdbi);
    }

    @Test
    void addStoresOrganization() {
        Organization organization = Fixtures.organization();

        organizations.add(organization, Fixtures.group(organization.id(), "Default"),
                Fixtures.admin(organization.id(), Fixtures.uniqueEmail()));

        assertThat(organizations.findById(organization.id())).contains(organization);
    }

    @Test
    void addStoresFirstGroup() {
        Organization organization = Fixtures.organization();
        Group firstGroup = Fixtures.group(organization.id(), "Default");

        organizations.add(organization, firstGroup, Fixtures.admin(organization.id(), Fixtures.uniqueEmail()));

        List<String> groupNames = jdbi.withHandle(handle -> handle
                .createQuery("SELECT name FROM organization_groups WHERE organization_id = :id")
                .bind("id", organization.id().value())
                .mapTo(String.class)
                .list());
        assertThat(groupNames).containsExactly("Default");
    }

    @Test
    void groupsOfListsOwnGroupsByName() {
        Organization organization = Fixtures.organization();
        Group firstGroup = Fixtures.group(organization.id(), "Default");
        organizations.add(organization, firstGroup, Fixtures.admin(organization.id(), Fixtures.uniqueEmail()));
        Group compliance = Fixtures.group(organization.id(), "Compliance");
        Fixtures.storeGroup(jdbi, compliance);
        Organization other = Fixtures.organization();
        organizations.add(other, Fixtures.group(other.id(), "Default"), Fixtures.admin(other.id(), Fixtures.uniqueEmail()));

        assertThat(organizations.groupsOf(organization.id())).containsExactly(compliance, firstGroup);
    }

    @Test
    void longestNamesFitOnEveryDatabase() {
        String astralName = "\uD83D\uDE00".repeat(200);
        Organization organization = new Organization(
                OrganizationId.random(), astralName, Plan.STARTER, true, Fixtures.CREATED_AT);
        Group group = Fixtures.group(organization.id(), astralName);
        User admin = new User(UserId.random(), organization.id(), EmailAddress.parse(Fixtures.uniqueEmail()),
                astralName, Optional.empty(), true, true, Fixtures.CREATED_AT);

        organizations.add(organization, group, admin);

        assertThat(organizations.findById(organization.id())).contains(organization);
        assertThat(organizations.groupsOf(organization.id())).containsExactly(group);
        assertThat(users.findById(admin.id())).map(User::name).contains(astralName);
    }

    @Test
    void addStoresAdmin() {
        Organization organization = Fixtures.organization();
        User admin = Fixtures.admin(organization.id(), Fixtures.uniqueEmail());

        organizations.add(organization, Fixtures.group(organization.id(), "Default"), admin);

        assertThat(users.findById(admin.id())).contains(admin);
    }

    @Test
    void addKeepsPlanAndInactiveState() {
        Organization organization = new Organization(
                OrganizationId.random(), "Dormant Enterprise", Plan.ENTERPRISE, false, Fixtures.CREATED_AT);

        organizations.add(organization, Fixtures.group(organization.id(), "Default"),
                Fixtures.admin(organization.id(), Fixtures.uniqueEmail()));

        assertThat(organizations.findById(organization.id())).contains(organization);
    }

    @Test
    void addWithTakenAdminEmailThrowsConflict() {
        Organization first = Fixtures.organization();
        organizations.add(first, Fixtures.group(first.id(), "Default"), Fixtures.admin(first.id(), "Fajar@Example.com"));
        Organization second = Fixtures.organization();
        User secondAdmin = Fixtures.admin(second.id(), "fajar@EXAMPLE.com");

        assertThatThrownBy(() -> organizations.add(second, Fixtures.group(second.id(), "Default"), secondAdmin))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void addWithTakenAdminEmailStoresNothing() {
        Organization first = Fixtures.organization();
        organizations.add(first, Fixtures.group(first.id(), "Default"), Fixtures.admin(first.id(), "Gita@Example.com"));
        Organization second = Fixtures.organization();
        User secondAdmin = Fixtures.admin(second.id(), "GITA@example.com");

        catchThrowable(() -> organizations.add(second, Fixtures.group(second.id(), "Default"), secondAdmin));

        assertThat(organizations.findById(second.id())).isEmpty();
        assertThat(count(jdbi, "SELECT COUNT(*) FROM organization_groups WHERE organization_id = :id",
                second.id().value())).isZero();
        assertThat(users.findById(secondAdmin.id())).isEmpty();
    }

    @Test
    void addStoresFirstGroupQuota() {
        Organization organization = Fixtures.organization();
        Group limited = new Group(GroupId.random(), organization.id(), "Default", Optional.of(120), Fixtures.CREATED_AT);

        organizations.add(organization, limited, Fixtures.admin(organization.id(), Fixtures.uniqueEmail()));

        assertThat(organizations.findGroup(organization.id(), limited.id())).contains(limited);
    }

    @Test
    void findGroupReturnsGroupWithoutQuota() {
        Organization organization = Fixtures.organization();
        Group group = Fixtures.group(organization.id(), "Default");
        organizations.add(organization, group, Fixtures.admin(organization.id(), Fixtures.uniqueEmail()));

        Optional<Group> found = organizations.findGroup(organization.id(), group.id());

        assertThat(found).contains(group);
        assertThat(found.orElseThrow().rateLimitPerMinute()).isEmpty();
    }

    @Test
    void changeGroupRateLimitSetsAndClearsQuota() {
        Organization organization = Fixtures.organization();
        Group group = Fixtures.group(organization.id(), "Default");
        organizations.add(organization, group, Fixtures.admin(organization.id(), Fixtures.uniqueEmail()));

        assertThat(organizations.changeGroupRateLimit(organization.id(), group.id(), Optional.of(30))).isTrue();
        assertThat(organizations.findGroup(organization.id(), group.id()).orElseThrow().rateLimitPerMinute()).contains(30);
        assertThat(organizations.groupsOf(organization.id()).get(0).rateLimitPerMinute()).contains(30);

        assertThat(organizations.changeGroupRateLimit(organization.id(), group.id(), Optional.empty())).isTrue();
        assertThat(organizations.findGroup(organization.id(), group.id()).orElseThrow().rateLimitPerMinute()).isEmpty();
    }

    @Test
    void unknownGroupQuotaChangeReturnsFalse() {
        assertThat(organizations.changeGroupRateLimit(OrganizationId.random(), GroupId.random(), Optional.of(30)))
                .isFalse();
    }

    @Test
    void otherOrganizationsGroupQuotaChangeReturnsFalse() {
        Organization organization = Fixtures.organization();
        Group group = Fixtures.group(organization.id(), "Default");
        organizations.add(organization, group, Fixtures.admin(organization.id(), Fixtures.uniqueEmail()));

        assertThat(organizations.changeGroupRateLimit(OrganizationId.random(), group.id(), Optional.of(30))).isFalse();
        assertThat(organizations.findGroup(organization.id(), group.id()).orElseThrow().rateLimitPerMinute()).isEmpty();
    }

    @Test
    void deletedGroupQuotaChangeReturnsFalse() {
        Organization organization = Fixtures.organization();
        organizations.add(organization, Fixtures.group(organization.id(), "Default"),
                Fixtures.admin(organization.id(), Fixtures.uniqueEmail()));
        Group deleted = Fixtures.group(organization.id(), "Deleted");
        organizations.addGroup(deleted, Set.of());
        organizations.deleteGroup(organization.id(), deleted.id(), Fixtures.CREATED_AT);

        assertThat(organizations.changeGroupRateLimit(organization.id(), deleted.id(), Optional.of(30))).isFalse();
    }

    @Test
    void addGroupStoresQuota() {
        Organization organization = Fixtures.organization();
        organizations.add(organization, Fixtures.group(organization.id(), "Default"),
                Fixtures.admin(organization.id(), Fixtures.uniqueEmail()));
        Group limited = new Group(GroupId.random(), organization.id(), "Limited", Optional.of(45), Fixtures.CREATED_AT);

        organizations.addGroup(limited, Set.of());

        assertThat(organizations.findGroup(organization.id(), limited.id())).contains(limited);
    }

    @Test
    void changeGroupRateLimitRejectsZero() {
        Organization organization = Fixtures.organization();
        Group group = Fixtures.group(organization.id(), "Default");
        organizations.add(organization, group, Fixtures.admin(organization.id(), Fixtures.uniqueEmail()));

        assertThatThrownBy(() -> organizations.changeGroupRateLimit(organization.id(), group.id(), Optional.of(0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(organizations.findGroup(organization.id(), group.id()).orElseThrow().rateLimitPerMinute()).isEmpty();
    }

    @Test
    void databaseRejectsNonPositiveQuota() {
        Organization organization = Fixtures.organization();
        Group group = Fixtures.group(organization.id(), "Default");
        organizations.add(organization, group, Fixtures.admin(organization.id(), Fixtures.uniqueEmail()));

        Throwable thrown = catchThrowable(() -> jdbi.useHandle(handle -> handle
                .createUpdate("UPDATE organization_groups SET rate_limit_per_minute = 0 WHERE id = :id")
                .bind("id", group.id().value())
                .execute()));

        assertThat(thrown).isNotNull();
        assertThat(organizations.findGroup(organization.id(), group.id()).orElseThrow().rateLimitPerMinute()).isEmpty();
    }

    @Test
    void changePlanStoresNewPlan() {
        Organization organization = Fixtures.organization();
        organizations.add(organization, Fixtures.group(organization.id(), "Default"),
                Fixtures.admin(organization.id(), Fixtures.uniqueEmail()));

        assertThat(organizations.changePlan(organization.id(), Plan.ENTERPRISE)).isTrue();

        assertThat(organizations.findById(organization.id()).orElseThrow().plan()).isEqualTo(Plan.ENTERPRISE);
    }

    @Test
    void unknownOrganizationPlanChangeReturnsFalse() {
        assertThat(organizations.changePlan(OrganizationId.random(), Plan.STARTER)).isFalse();
    }

    @Test
    void findByIdOfUnknownOrganizationIsEmpty() {
        assertThat(organizations.findById(OrganizationId.random())).isEmpty();
    }
}
