package id.anycheck.auth.application;

import id.anycheck.auth.application.protection.RateLimitRejections;
import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.port.RateLimiter;
import id.anycheck.auth.domain.port.UserRepository;
import id.anycheck.auth.domain.principal.ApiKeyPrincipal;
import id.anycheck.auth.domain.principal.Principal;
import id.anycheck.auth.domain.principal.UserPrincipal;
import id.anycheck.auth.domain.ratelimit.RateLimitDecision;
import id.anycheck.auth.domain.ratelimit.RateLimitKey;
import id.anycheck.auth.domain.ratelimit.RateLimitQuota;
import id.anycheck.auth.domain.ratelimit.RateLimitScope;
import java.util.List;
import java.util.Optional;

/**
 * Use case: charge a request to its request limits. An authenticated request counts against its
 * organization's plan limit. When it acts in a group with a quota of its own, it counts against
 * that quota too. An unauthenticated request counts against its client address. A request that
 * any limit rejects is charged to none of them. Thread-safe.
 */
public final class ApplyRateLimits {

    private final RateLimiter rateLimiter;
    private final RateLimitQuotas quotas;
    private final UserRepository users;
    private final int clientLimitPerMinute;
    private final RateLimitRejections rejections;

    /** @param clientLimitPerMinute requests per minute allowed from one client address on unauthenticated routes */
    public ApplyRateLimits(RateLimiter rateLimiter, RateLimitQuotas quotas, UserRepository users,
            int clientLimitPerMinute, RateLimitRejections rejections) {
        if (clientLimitPerMinute < 1) {
            throw new IllegalArgumentException("the client limit must be at least 1 request per minute");
        }
        this.rateLimiter = rateLimiter;
        this.quotas = quotas;
        this.users = users;
        this.clientLimitPerMinute = clientLimitPerMinute;
        this.rejections = rejections;
    }

    /**
     * Charges an authenticated request.
     *
     * @param requestedGroup the group the request names, if any; an API key is charged to its
     *     own group whatever the request names
     */
    public RateLimitDecision chargeAuthenticated(Principal principal, Optional<GroupId> requestedGroup) {
        return chargeAuthenticated(principal, requestedGroup, Optional.empty());
    }

    /**
     * Charges an authenticated request, naming its client address for the audit record of a
     * rejection.
     */
    public RateLimitDecision chargeAuthenticated(Principal principal, Optional<GroupId> requestedGroup,
            Optional<String> clientIp) {
        OrganizationId organizationId = principal.organizationId();
        RateLimitQuota organization = new RateLimitQuota(
                new RateLimitKey(RateLimitScope.ORGANIZATION, organizationId.toString()),
                quotas.organizationLimit(organizationId));

        Optional<RateLimitQuota> group = chargedGroup(principal, requestedGroup)
                .flatMap(groupId -> quotas.group(organizationId, groupId))
                .filter(named -> named.rateLimitPerMinute().isPresent())
                .filter(named -> actsIn(principal, named.id()))
                .flatMap(ApplyRateLimits::quotaOf);

        RateLimitDecision decision = rateLimiter.tryAcquire(
                group.map(quota -> List.of(organization, quota)).orElse(List.of(organization)));

        if (!decision.allowed()) {
            rejections.rejected(principal, decision, clientIp);
        }
        return decision;
    }

    /** Charges an unauthenticated request to the client address it came from. */
    public RateLimitDecision chargeClient(String clientAddress) {
        RateLimitQuota client = new RateLimitQuota(
                new RateLimitKey(RateLimitScope.CLIENT_IP, clientAddress), clientLimitPerMinute);
        return rateLimiter.tryAcquire(List.of(client));
    }

    /** Makes the organization's next request use its stored plan. Call it after changing the plan. */
    public void planChanged(OrganizationId id) {
        quotas.forgetOrganization(id);
    }

    /**
     * Makes the group's next request use its stored quota. Call it after changing the quota or
     * deleting the group.
     */
    public void groupQuotaChanged(OrganizationId organizationId, GroupId groupId) {
        quotas.forgetGroup(organizationId, groupId);
    }

    /**
     * Returns the group a request may be charged to: an API key's own group, or the group a
     * user's request names, if the user has a role in it. A group of another organization is never charged, so no caller can use up
     * another organization's quota.
     */
    private static Optional<GroupId> chargedGroup(Principal principal, Optional<GroupId> requestedGroup) {
        if (principal instanceof ApiKeyPrincipal) {
            return principal.boundGroupId();
        }
        return requestedGroup;
    }

    /**
     * Returns whether the caller acts in the group: an API key in its own group, a user in a
     * group they have a role in. An Admin managing a group, or a user naming another group, does
     * not use up that group's quota, so an Admin can always lift an exhausted quota. Only asked
     * for a group with a quota, which is why it may read storage.
     */
    private boolean actsIn(Principal principal, GroupId groupId) {
        if (principal instanceof UserPrincipal user) {
            return users.groupRolesOf(user.userId()).stream()
                    .anyMatch(groupRole -> groupRole.group().id().equals(groupId));
        }
        return true;
    }

    private static Optional<RateLimitQuota> quotaOf(Group group) {
        return group.rateLimitPerMinute()
                .map(limit -> new RateLimitQuota(new RateLimitKey(RateLimitScope.GROUP, group.id().toString()), limit));
    }
}
