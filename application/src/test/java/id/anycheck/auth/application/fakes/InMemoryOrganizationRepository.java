package id.anycheck.auth.application.fakes;

import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.organization.Plan;
import id.anycheck.auth.domain.port.OrganizationRepository;
import id.anycheck.auth.domain.user.User;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * In-memory {@link OrganizationRepository} that stores the first group and the Admin in the
 * given {@link InMemoryUserRepository}. Thread-safe. It takes its own lock before the user
 * repository's lock, never the other way round.
 */
public final class InMemoryOrganizationRepository implements OrganizationRepository {

    private final InMemoryUserRepository users;
    private final Map<OrganizationId, Organization> organizationsById = new LinkedHashMap<>();
    private final Map<GroupId, SortedSet<String>> servicesByGroup = new HashMap<>();
    /** Names of current and deleted groups, which stay reserved as in the real adapter. */
    private final Set<String> usedNames = new HashSet<>();

    public InMemoryOrganizationRepository(InMemoryUserRepository users) {
        this.users = users;
    }

    /**
     * Stores the organization, its first group and its Admin, all or nothing.
     *
     * @throws id.anycheck.auth.domain.error.ConflictException if the Admin's email is already
     *     registered, and then nothing is stored
     */
    @Override
    public synchronized void add(Organization organization, Group firstGroup, User admin) {
        if (organizationsById.containsKey(organization.id())) {
            throw new IllegalStateException("organization " + organization.id() + " is already stored");
        }
        if (!firstGroup.organizationId().equals(organization.id())) {
            throw new IllegalArgumentException("group " + firstGroup.id() + " belongs to another organization");
        }
        if (!admin.organizationId().equals(organization.id())) {
            throw new IllegalArgumentException("Admin " + admin.id() + " belongs to another organization");
        }

        // Throws before storing anything if the email is taken, so the organization is stored last.
        users.addFirstGroupAndAdmin(firstGroup, admin);
        organizationsById.put(organization.id(), organization);
    }

    /** Replaces a stored organization, for tests that deactivate one. */
    public synchronized void replace(Organization organization) {
        if (organizationsById.replace(organization.id(), organization) == null) {
            throw new IllegalStateException("organization " + organization.id() + " is not stored");
        }
    }

    @Override
    public synchronized Optional<Organization> findById(OrganizationId id) {
        return Optional.ofNullable(organizationsById.get(id));
    }

    @Override
    public List<Group> groupsOf(OrganizationId id) {
        return users.groupsOf(id).stream()
                .sorted(Comparator.comparing(Group::name).thenComparing(group -> group.id().toString()))
                .toList();
    }

    @Override
    public synchronized boolean changePlan(OrganizationId id, Plan plan) {
        Organization organization = organizationsById.get(id);
        if (organization == null) {
            return false;
        }
        organizationsById.put(id, new Organization(organization.id(), organization.name(), plan,
                organization.active(), organization.createdAt(), organization.mfaRequired()));
        return true;
    }

    @Override
    public synchronized boolean changeGroupRateLimit(
            OrganizationId organizationId, GroupId groupId, Optional<Integer> rateLimitPerMinute) {
        Optional<Group> group = findGroup(organizationId, groupId);
        group.ifPresent(found -> users.replaceGroup(new Group(
                groupId, organizationId, found.name(), rateLimitPerMinute, found.createdAt())));
        return group.isPresent();
    }

    /** Activates or deactivates a stored organization, as an operator would. */
    public synchronized void setActive(OrganizationId id, boolean active) {
        Organization organization = organizationsById.get(id);
        if (organization == null) {
            throw new IllegalArgumentException("organization " + id + " not found");
        }
        organizationsById.put(id, new Organization(
                organization.id(), organization.name(), organization.plan(), active, organization.createdAt()));
    }

    public synchronized int count() {
        return organizationsById.size();
    }

    @Override
    public synchronized boolean update(Organization organization) {
        if (!organizationsById.containsKey(organization.id())) {
            return false;
        }
        organizationsById.put(organization.id(), organization);
        return true;
    }

    @Override
    public Optional<Group> findGroup(OrganizationId organizationId, GroupId groupId) {
        return users.findGroup(groupId).filter(group -> group.organizationId().equals(organizationId));
    }

    @Override
    public synchronized void addGroup(Group group, Set<String> services) {
        requireNameFree(group.organizationId(), group.name());
        users.addGroup(group);
        usedNames.add(nameKey(group.organizationId(), group.name()));
        servicesByGroup.put(group.id(), new TreeSet<>(services));
    }

    @Override
    public synchronized boolean renameGroup(OrganizationId organizationId, GroupId groupId, String name) {
        Optional<Group> group = findGroup(organizationId, groupId);
        if (group.isEmpty()) {
            return false;
        }
        if (!group.get().name().equals(name)) {
            requireNameFree(organizationId, name);
        }
        users.replaceGroup(new Group(
                groupId, organizationId, name, group.get().rateLimitPerMinute(), group.get().createdAt()));
        usedNames.add(nameKey(organizationId, name));
        return true;
    }

    @Override
    public synchronized boolean deleteGroup(OrganizationId organizationId, GroupId groupId, Instant now) {
        if (findGroup(organizationId, groupId).isEmpty()) {
            return false;
        }
        users.removeGroup(groupId);
        return true;
    }

    @Override
    public synchronized Set<String> servicesOf(GroupId groupId) {
        return new TreeSet<>(servicesByGroup.getOrDefault(groupId, new TreeSet<>()));
    }

    @Override
    public synchronized void setServices(GroupId groupId, Set<String> services) {
        servicesByGroup.put(groupId, new TreeSet<>(services));
    }

    private void requireNameFree(OrganizationId organizationId, String name) {
        boolean nameInUse = usedNames.contains(nameKey(organizationId, name))
                || users.groupsOf(organizationId).stream().anyMatch(group -> group.name().equals(name));
        if (nameInUse) {
            throw new ConflictException("A group named \"" + name + "\" exists or existed in this organization;"
                    + " choose another name.");
        }
    }

    private static String nameKey(OrganizationId organizationId, String name) {
        return organizationId + "/" + name;
    }
}
