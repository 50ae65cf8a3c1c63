package id.anycheck.auth.application.access;

import id.anycheck.auth.application.ApplyRateLimits;
import id.anycheck.auth.application.AuditTrail;
import id.anycheck.auth.application.Caller;
import id.anycheck.auth.application.apikey.ApiKeyCache;
import id.anycheck.auth.domain.access.Action;
import id.anycheck.auth.domain.access.Actor;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.error.FieldProblem;
import id.anycheck.auth.domain.error.InvalidInputException;
import id.anycheck.auth.domain.error.NotFoundException;
import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.port.OrganizationRepository;
import id.anycheck.auth.domain.verification.ServiceCatalogue;
import java.lang.System.Logger.Level;
import id.anycheck.auth.application.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Use cases on an organization's groups. The Admin creates, renames and deletes them. The Admin
 * and the group's Managers choose its verification services, and members view their groups.
 * Another organization's group is reported as not found. Thread-safe.
 */
public final class GroupAdministration {

    /** A group with the verification services it enables. */
    public record GroupView(Group group, Set<String> services) {
    }

    private static final System.Logger LOG = System.getLogger(GroupAdministration.class.getName());

    private final OrganizationRepository organizations;
    private final ServiceCatalogue catalogue;
    private final Actors actors;
    private final ApiKeyCache apiKeyCache;
    private final ApplyRateLimits rateLimits;
    private final AuditTrail auditTrail;
    private final Clock clock;

    public GroupAdministration(OrganizationRepository organizations, ServiceCatalogue catalogue, Actors actors,
            ApiKeyCache apiKeyCache, ApplyRateLimits rateLimits, AuditTrail auditTrail, Clock clock) {
        this.organizations = organizations;
        this.catalogue = catalogue;
        this.actors = actors;
        this.apiKeyCache = apiKeyCache;
        this.rateLimits = rateLimits;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** Position in the list of groups, ordered by creation time, then id. */
    public record Cursor(Instant createdAt, GroupId id) {
    }

    /**
     * Lists, oldest first, every group to the Admin and to others the groups they hold a role
     * in. An organization has few groups, so they are read at once and the page is cut here.
     */
    public Page<GroupView, Cursor> list(Caller caller, Optional<Cursor> after, int limit) {
        Actor actor = actors.of(caller.principal().orElseThrow());

        List<Group> visible = organizations.groupsOf(actor.organizationId()).stream()
                .filter(group -> actor.can(Action.VIEW_GROUP, group.id()))
                .filter(group -> after.isEmpty() || isAfter(group, after.get()))
                .sorted(Comparator.comparing(Group::createdAt).thenComparing(group -> group.id().value()))
                .toList();

        List<GroupView> page = visible.stream()
                .limit(limit)
                .map(group -> new GroupView(group, organizations.servicesOf(group.id())))
                .toList();
        Optional<Cursor> next = visible.size() > limit
                ? Optional.of(new Cursor(visible.get(limit - 1).createdAt(), visible.get(limit - 1).id()))
                : Optional.empty();
        return new Page<>(page, next);
    }

    private static boolean isAfter(Group group, Cursor cursor) {
        int byTime = group.createdAt().compareTo(cursor.createdAt());
        return byTime > 0 || (byTime == 0 && group.id().value().compareTo(cursor.id().value()) > 0);
    }

    /**
     * @param services the services to enable, or empty for every service of the catalogue
     * @param rateLimitPerMinute the group's own request quota, or empty for the organization's limit only
     * @throws id.anycheck.auth.domain.error.ConflictException if the name is or was in use
     */
    public GroupView create(Caller caller, String name, Optional<List<String>> services,
            Optional<Integer> rateLimitPerMinute) {
        List<FieldProblem> problems = new ArrayList<>();
        String validName = FieldChecks.displayName(name, problems);
        rateLimitPerMinute.ifPresent(quota -> validRateLimit(quota, problems));
        Set<String> validServices = services.map(requested -> validServices(requested, problems))
                .orElse(catalogue.services());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Actor actor = actors.of(caller.principal().orElseThrow());
        actor.require(Action.CREATE_GROUP);

        Group group = new Group(GroupId.random(), actor.organizationId(), validName, rateLimitPerMinute,
                clock.instant());
        organizations.addGroup(group, validServices);

        auditTrail.record(AuditEventType.GROUP_CREATED, group.organizationId(), caller, group.id().toString(),
                Map.of("name", group.name(), "services", String.join(",", new TreeSet<>(validServices)),
                        "rate_limit_per_minute", rateLimitPerMinute.map(String::valueOf).orElse("none")));
        LOG.log(Level.INFO, "Created group {0} in organization {1}", group.id(), group.organizationId());
        return new GroupView(group, organizations.servicesOf(group.id()));
    }

    public GroupView show(Caller caller, GroupId groupId) {
        Actor actor = actors.of(caller.principal().orElseThrow());
        Group group = find(actor, groupId);
        actor.require(Action.VIEW_GROUP, groupId);

        return new GroupView(group, organizations.servicesOf(groupId));
    }

    /**
     * Renames a group or changes its quota.
     *
     * @param name a new name, or empty to keep it
     * @param rateLimitPerMinute empty to keep the quota, else the new quota, where an empty
     *     value removes the group's own quota
     */
    public GroupView update(Caller caller, GroupId groupId, Optional<String> name,
            Optional<Optional<Integer>> rateLimitPerMinute) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<String> validName = name.map(requested -> FieldChecks.displayName(requested, problems));
        rateLimitPerMinute.flatMap(quota -> quota).ifPresent(quota -> validRateLimit(quota, problems));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Actor actor = actors.of(caller.principal().orElseThrow());
        Group before = find(actor, groupId);
        actor.require(Action.UPDATE_GROUP, groupId);

        if (validName.isPresent() && !validName.get().equals(before.name())) {
            organizations.renameGroup(actor.organizationId(), groupId, validName.get());
            auditTrail.record(AuditEventType.GROUP_UPDATED, actor.organizationId(), caller, groupId.toString(),
                    Map.of("name_before", before.name(), "name_after", validName.get()));
        }
        if (rateLimitPerMinute.isPresent() && !rateLimitPerMinute.get().equals(before.rateLimitPerMinute())) {
            organizations.changeGroupRateLimit(actor.organizationId(), groupId, rateLimitPerMinute.get());
            rateLimits.groupQuotaChanged(actor.organizationId(), groupId);
            auditTrail.record(AuditEventType.GROUP_UPDATED, actor.organizationId(), caller, groupId.toString(),
                    Map.of("rate_limit_per_minute_before", before.rateLimitPerMinute().map(String::valueOf).orElse("none"),
                            "rate_limit_per_minute_after",
                            rateLimitPerMinute.get().map(String::valueOf).orElse("none")));
        }
        return show(caller, groupId);
    }

    /** Deletes a group: its memberships end and its API keys are revoked; its verifications stay. */
    public void delete(Caller caller, GroupId groupId) {
        Actor actor = actors.of(caller.principal().orElseThrow());
        Group group = find(actor, groupId);
        actor.require(Action.DELETE_GROUP, groupId);

        organizations.deleteGroup(actor.organizationId(), groupId, clock.instant());
        apiKeyCache.forgetAll();
        rateLimits.groupQuotaChanged(actor.organizationId(), groupId);

        auditTrail.record(AuditEventType.GROUP_DELETED, actor.organizationId(), caller, groupId.toString(),
                Map.of("name", group.name()));
        LOG.log(Level.INFO, "Deleted group {0} of organization {1}", groupId, actor.organizationId());
    }

    public Set<String> services(Caller caller, GroupId groupId) {
        return show(caller, groupId).services();
    }

    /** Replaces the group's enabled services with services of the catalogue. */
    public Set<String> setServices(Caller caller, GroupId groupId, List<String> services) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> validServices = validServices(services, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Actor actor = actors.of(caller.principal().orElseThrow());
        find(actor, groupId);
        actor.require(Action.SET_GROUP_SERVICES, groupId);

        Set<String> before = organizations.servicesOf(groupId);
        organizations.setServices(groupId, validServices);

        auditTrail.record(AuditEventType.GROUP_SERVICES_CHANGED, actor.organizationId(), caller, groupId.toString(),
                Map.of("services_before", String.join(",", before),
                        "services_after", String.join(",", new TreeSet<>(validServices))));
        return organizations.servicesOf(groupId);
    }

    /** Returns the group if it is one of the actor's organization; else it does not exist for them. */
    private Group find(Actor actor, GroupId groupId) {
        return organizations.findGroup(actor.organizationId(), groupId)
                .orElseThrow(() -> new NotFoundException("Group " + groupId + " not found."));
    }

    private static void validRateLimit(int quota, List<FieldProblem> problems) {
        try {
            Group.requireValidRateLimit(quota);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("rate_limit_per_minute",
                    "must be 1 to " + Group.MAX_RATE_LIMIT_PER_MINUTE + " requests per minute"));
        }
    }

    private Set<String> validServices(List<String> requested, List<FieldProblem> problems) {
        Set<String> valid = new TreeSet<>();
        for (String service : requested) {
            if (catalogue.offers(service)) {
                valid.add(service);
            } else {
                problems.add(new FieldProblem("services", "unknown service '" + service + "'; offered: "
                        + String.join(", ", catalogue.services())));
            }
        }
        return valid;
    }
}
