package id.anycheck.auth.application.fakes;

import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.port.UserRepository;
import id.anycheck.auth.domain.user.EmailAddress;
import id.anycheck.auth.domain.user.GroupRole;
import id.anycheck.auth.domain.user.Membership;
import id.anycheck.auth.domain.user.User;
import id.anycheck.auth.domain.user.UserId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * In-memory {@link UserRepository}. It also stores the groups, because {@link #groupRolesOf}
 * joins memberships with groups. Every method holds this object's lock. Thread-safe.
 *
 * <p>Like the users table, an email is unique by its {@link EmailAddress#lookupKey()} across all
 * organizations, and a membership must name a stored group. Like the real adapter, it does not
 * check that the group belongs to the user's organization.
 */
public final class InMemoryUserRepository implements UserRepository {

    private final Map<UserId, User> usersById = new LinkedHashMap<>();
    private final Map<String, UserId> userIdsByLookupKey = new HashMap<>();
    private final Map<GroupId, Group> groupsById = new LinkedHashMap<>();
    private final Map<UserId, List<Membership>> membershipsByUser = new HashMap<>();

    @Override
    public synchronized Optional<User> findByEmail(EmailAddress email) {
        return Optional.ofNullable(userIdsByLookupKey.get(email.lookupKey())).map(usersById::get);
    }

    @Override
    public synchronized Optional<User> findById(UserId id) {
        return Optional.ofNullable(usersById.get(id));
    }

    @Override
    public synchronized void add(User user, List<Membership> memberships) {
        requireAddable(user);
        for (Membership membership : memberships) {
            if (!membership.userId().equals(user.id())) {
                throw new IllegalArgumentException(
                        "membership of user " + membership.userId() + " cannot be stored with user " + user.id());
            }
            if (!groupsById.containsKey(membership.groupId())) {
                throw new IllegalArgumentException(
                        "group " + membership.groupId() + " not found; store it with addGroup first");
            }
        }
        store(user, memberships);
    }

    @Override
    public synchronized void updatePasswordHash(UserId id, String passwordHash) {
        User user = usersById.get(id);
        if (user == null) {
            // Like an UPDATE that matches no row.
            return;
        }
        usersById.put(id, new User(user.id(), user.organizationId(), user.email(), user.name(),
                Optional.of(passwordHash), user.admin(), user.active(), user.createdAt()));
    }

    @Override
    public synchronized List<GroupRole> groupRolesOf(UserId id) {
        return membershipsByUser.getOrDefault(id, List.of()).stream()
                .map(membership -> new GroupRole(groupsById.get(membership.groupId()), membership.role()))
                .sorted(Comparator.comparing((GroupRole groupRole) -> groupRole.group().name())
                        .thenComparing(groupRole -> groupRole.group().id().value()))
                .toList();
    }

    @Override
    public synchronized List<User> list(OrganizationId organizationId, Optional<Set<GroupId>> memberOf,
            Optional<Cursor> after, int limit) {
        return usersById.values().stream()
                .filter(user -> user.organizationId().equals(organizationId))
                .filter(user -> memberOf.isEmpty() || membershipsByUser.getOrDefault(user.id(), List.of()).stream()
                        .anyMatch(membership -> memberOf.get().contains(membership.groupId())))
                .filter(user -> after.isEmpty() || isAfter(user, after.get()))
                .sorted(Comparator.comparing(User::createdAt).thenComparing(user -> user.id().value()))
                .limit(limit)
                .toList();
    }

    private static boolean isAfter(User user, Cursor cursor) {
        int byTime = user.createdAt().compareTo(cursor.createdAt());
        return byTime > 0 || (byTime == 0 && user.id().value().compareTo(cursor.id().value()) > 0);
    }

    @Override
    public synchronized AccountUpdate updateAccount(OrganizationId organizationId, UserId id, Optional<String> name,
            Optional<Boolean> active, Optional<Boolean> admin) {
        User user = usersById.get(id);
        if (user == null || !user.organizationId().equals(organizationId)) {
            return AccountUpdate.NOT_FOUND;
        }
        boolean activeAdminNow = user.admin() && user.active();
        boolean activeAdminAfter = admin.orElse(user.admin()) && active.orElse(user.active());
        long otherActiveAdmins = usersById.values().stream()
                .filter(other -> other.organizationId().equals(organizationId) && !other.id().equals(id))
                .filter(other -> other.admin() && other.active())
                .count();
        if (activeAdminNow && !activeAdminAfter && otherActiveAdmins == 0) {
            return AccountUpdate.LAST_ADMIN;
        }
        usersById.put(id, new User(user.id(), user.organizationId(), user.email(), name.orElse(user.name()),
                user.passwordHash(), admin.orElse(user.admin()), active.orElse(user.active()), user.createdAt()));
        return AccountUpdate.UPDATED;
    }

    @Override
    public synchronized void putMembership(Membership membership) {
        if (!groupsById.containsKey(membership.groupId())) {
            throw new IllegalArgumentException("group " + membership.groupId() + " not found");
        }
        List<Membership> memberships = new ArrayList<>(membershipsByUser.getOrDefault(membership.userId(), List.of()));
        memberships.removeIf(existing -> existing.groupId().equals(membership.groupId()));
        memberships.add(membership);
        membershipsByUser.put(membership.userId(), memberships);
    }

    @Override
    public synchronized boolean removeMembership(UserId userId, GroupId groupId) {
        List<Membership> memberships = new ArrayList<>(membershipsByUser.getOrDefault(userId, List.of()));
        boolean removed = memberships.removeIf(existing -> existing.groupId().equals(groupId));
        membershipsByUser.put(userId, memberships);
        return removed;
    }

    /** Removes a group and every membership in it, for {@link InMemoryOrganizationRepository#deleteGroup}. */
    synchronized void removeGroup(GroupId groupId) {
        groupsById.remove(groupId);
        membershipsByUser.replaceAll((userId, memberships) -> memberships.stream()
                .filter(membership -> !membership.groupId().equals(groupId))
                .toList());
    }

    /** Replaces a stored group, for a rename. */
    synchronized void replaceGroup(Group group) {
        groupsById.put(group.id(), group);
    }

    /** Stores a group so that memberships can name it. */
    public synchronized void addGroup(Group group) {
        if (groupsById.containsKey(group.id())) {
            throw new IllegalStateException("group " + group.id() + " is already stored");
        }
        groupsById.put(group.id(), group);
    }

    public synchronized Optional<Group> findGroup(GroupId id) {
        return Optional.ofNullable(groupsById.get(id));
    }

    /** Returns the organization's groups in the order they were stored. */
    public synchronized List<Group> groupsOf(OrganizationId organizationId) {
        return groupsById.values().stream().filter(group -> group.organizationId().equals(organizationId)).toList();
    }

    /** Returns the memberships stored with the user, in the order given to {@link #add}. */
    public synchronized List<Membership> membershipsOf(UserId id) {
        return List.copyOf(membershipsByUser.getOrDefault(id, List.of()));
    }

    /** Activates or deactivates a stored user, as an operator would. */
    public synchronized void setActive(UserId id, boolean active) {
        User user = usersById.get(id);
        if (user == null) {
            throw new IllegalArgumentException("user " + id + " not found");
        }
        usersById.put(id, new User(user.id(), user.organizationId(), user.email(), user.name(),
                user.passwordHash(), user.admin(), active, user.createdAt()));
    }

    public synchronized int count() {
        return usersById.size();
    }

    /**
     * Stores an organization's first group and Admin together, for
     * {@link InMemoryOrganizationRepository#add}. Nothing is stored if either is rejected.
     */
    synchronized void addFirstGroupAndAdmin(Group group, User admin) {
        if (groupsById.containsKey(group.id())) {
            throw new IllegalStateException("group " + group.id() + " is already stored");
        }
        requireAddable(admin);
        groupsById.put(group.id(), group);
        store(admin, List.of());
    }

    private void requireAddable(User user) {
        if (userIdsByLookupKey.containsKey(user.email().lookupKey())) {
            // The same message as the real adapter's.
            throw new ConflictException("A user with this email is already registered.");
        }
        if (usersById.containsKey(user.id())) {
            throw new IllegalStateException("user " + user.id() + " is already stored");
        }
    }

    private void store(User user, List<Membership> memberships) {
        usersById.put(user.id(), user);
        userIdsByLookupKey.put(user.email().lookupKey(), user.id());
        membershipsByUser.put(user.id(), new ArrayList<>(memberships));
    }
}
