package id.anycheck.auth.application;

import static org.assertj.core.api.Assertions.assertThat;

import id.anycheck.auth.application.fakes.InMemoryPorts;
import id.anycheck.auth.application.fakes.InMemoryRateLimiter;
import id.anycheck.auth.application.protection.RateLimitRejections;
import id.anycheck.auth.domain.apikey.ApiKeyEnvironment;
import id.anycheck.auth.domain.apikey.ApiKeyId;
import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.organization.Plan;
import id.anycheck.auth.domain.organization.PlanLimits;
import id.anycheck.auth.domain.principal.ApiKeyPrincipal;
import id.anycheck.auth.domain.principal.UserPrincipal;
import id.anycheck.auth.domain.ratelimit.RateLimitDecision;
import id.anycheck.auth.domain.ratelimit.RateLimitKey;
import id.anycheck.auth.domain.ratelimit.RateLimitQuota;
import id.anycheck.auth.domain.ratelimit.RateLimitScope;
import id.anycheck.auth.domain.session.SessionId;
import id.anycheck.auth.domain.user.Membership;
import id.anycheck.auth.domain.user.Role;
import id.anycheck.auth.domain.user.User;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApplyRateLimitsTest {

    private static final PlanLimits LIMITS = new PlanLimits(Map.of(Plan.STARTER, 3, Plan.BUSINESS, 5, Plan.ENTERPRISE, 9));

    private final InMemoryPorts ports = new InMemoryPorts();
    private final InMemoryRateLimiter rateLimiter = new InMemoryRateLimiter(ports.clock());
    private final RateLimitQuotas quotas = new RateLimitQuotas(
            ports.organizations(), LIMITS, Duration.ofSeconds(5), 1_000, ports.clock());
    private final ApplyRateLimits applyRateLimits = new ApplyRateLimits(rateLimiter, quotas, ports.users(), 2,
            new RateLimitRejections(ports.auditTrail()));

    private final User admin = ports.addOrganizationWithAdmin("Acme", "admin@acme.example", "admin password 1");
    private final OrganizationId organizationId = admin.organizationId();
    private final UserPrincipal user = new UserPrincipal(admin.id(), organizationId, SessionId.random());

    @Test
    void userWithoutGroupIsChargedToOrganizationOnly() {
        applyRateLimits.chargeAuthenticated(user, Optional.empty());

        assertThat(rateLimiter.lastQuotas()).containsExactly(organizationQuota(5));
    }

    @Test
    void userIsChargedToNamedGroupWithQuota() {
        GroupId group = groupWithQuota(organizationId, 2);

        applyRateLimits.chargeAuthenticated(user, Optional.of(group));

        assertThat(rateLimiter.lastQuotas()).containsExactly(organizationQuota(5), groupQuota(group, 2));
    }

    @Test
    void nonMemberNotChargedToGroup() {
        GroupId group = groupWithQuota(organizationId, 2);
        ports.users().removeMembership(admin.id(), group);

        applyRateLimits.chargeAuthenticated(user, Optional.of(group));

        assertThat(rateLimiter.lastQuotas()).containsExactly(organizationQuota(5));
    }

    @Test
    void groupWithoutQuotaIsNotCounted() {
        Group group = ports.addGroup(organizationId, "Unlimited");

        applyRateLimits.chargeAuthenticated(user, Optional.of(group.id()));

        assertThat(rateLimiter.lastQuotas()).containsExactly(organizationQuota(5));
    }

    @Test
    void groupOfAnotherOrganizationIsNotCharged() {
        User otherAdmin = ports.addOrganizationWithAdmin("Other", "admin@other.example", "admin password 1");
        GroupId othersGroup = groupWithQuota(otherAdmin.organizationId(), 1);

        applyRateLimits.chargeAuthenticated(user, Optional.of(othersGroup));

        assertThat(rateLimiter.lastQuotas()).containsExactly(organizationQuota(5));
    }

    @Test
    void unknownGroupIsNotCharged() {
        applyRateLimits.chargeAuthenticated(user, Optional.of(GroupId.random()));

        assertThat(rateLimiter.lastQuotas()).containsExactly(organizationQuota(5));
    }

    @Test
    void apiKeyIsChargedToItsOwnGroup() {
        GroupId bound = groupWithQuota(organizationId, 4);
        GroupId named = groupWithQuota(organizationId, 1);
        ApiKeyPrincipal apiKey = new ApiKeyPrincipal(ApiKeyId.random(), "Server", organizationId, bound,
                ApiKeyEnvironment.LIVE);

        applyRateLimits.chargeAuthenticated(apiKey, Optional.of(named));

        assertThat(rateLimiter.lastQuotas()).containsExactly(organizationQuota(5), groupQuota(bound, 4));
    }

    @Test
    void clientIsChargedToItsAddress() {
        applyRateLimits.chargeClient("198.51.100.7");
        applyRateLimits.chargeClient("198.51.100.7");
        RateLimitDecision third = applyRateLimits.chargeClient("198.51.100.7");

        assertThat(third.allowed()).isFalse();
        assertThat(third.rejectedBy()).isEqualTo(RateLimitScope.CLIENT_IP);
        assertThat(applyRateLimits.chargeClient("198.51.100.8").allowed()).isTrue();
    }

    @Test
    void changedQuotaAppliesAfterForgetting() {
        GroupId group = groupWithQuota(organizationId, 2);
        applyRateLimits.chargeAuthenticated(user, Optional.of(group));
        ports.organizations().changeGroupRateLimit(organizationId, group, Optional.of(7));

        applyRateLimits.chargeAuthenticated(user, Optional.of(group));
        assertThat(rateLimiter.lastQuotas()).as("cached").contains(groupQuota(group, 2));

        applyRateLimits.groupQuotaChanged(organizationId, group);
        applyRateLimits.chargeAuthenticated(user, Optional.of(group));
        assertThat(rateLimiter.lastQuotas()).contains(groupQuota(group, 7));
    }

    @Test
    void changedPlanAppliesAfterCacheTime() {
        applyRateLimits.chargeAuthenticated(user, Optional.empty());
        ports.organizations().changePlan(organizationId, Plan.ENTERPRISE);

        applyRateLimits.chargeAuthenticated(user, Optional.empty());
        assertThat(rateLimiter.lastQuotas()).as("cached").containsExactly(organizationQuota(5));

        ports.clock().advance(Duration.ofSeconds(5));
        applyRateLimits.chargeAuthenticated(user, Optional.empty());
        assertThat(rateLimiter.lastQuotas()).containsExactly(organizationQuota(9));
    }

    @Test
    void changedPlanAppliesAfterForgetting() {
        applyRateLimits.chargeAuthenticated(user, Optional.empty());
        ports.organizations().changePlan(organizationId, Plan.STARTER);

        applyRateLimits.planChanged(organizationId);
        applyRateLimits.chargeAuthenticated(user, Optional.empty());

        assertThat(rateLimiter.lastQuotas()).containsExactly(organizationQuota(3));
    }

    @Test
    void missingOrganizationGetsSmallestPlanLimit() {
        UserPrincipal orphan = new UserPrincipal(admin.id(), OrganizationId.random(), SessionId.random());

        applyRateLimits.chargeAuthenticated(orphan, Optional.empty());

        assertThat(rateLimiter.lastQuotas().get(0).limit()).isEqualTo(3);
    }

    /** Stores a group with a quota, in which the test's user has the User role. */
    private GroupId groupWithQuota(OrganizationId owner, int quota) {
        Group group = ports.addGroup(owner, "Group " + GroupId.random());
        ports.organizations().changeGroupRateLimit(owner, group.id(), Optional.of(quota));
        ports.users().putMembership(new Membership(admin.id(), group.id(), Role.USER));
        return group.id();
    }

    private RateLimitQuota organizationQuota(int limit) {
        return new RateLimitQuota(new RateLimitKey(RateLimitScope.ORGANIZATION, organizationId.toString()), limit);
    }

    private static RateLimitQuota groupQuota(GroupId group, int limit) {
        return new RateLimitQuota(new RateLimitKey(RateLimitScope.GROUP, group.toString()), limit);
    }
}
