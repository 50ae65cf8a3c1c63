package id.anycheck.auth.application.access;

import id.anycheck.auth.application.ActiveSessionCache;
import id.anycheck.auth.application.AuditTrail;
import id.anycheck.auth.application.Caller;
import id.anycheck.auth.application.CreateUser;
import id.anycheck.auth.application.CreateUserCommand;
import id.anycheck.auth.application.CreatedUser;
import id.anycheck.auth.application.Page;
import id.anycheck.auth.application.PasswordGenerator;
import id.anycheck.auth.domain.access.Action;
import id.anycheck.auth.domain.access.Actor;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.error.FieldProblem;
import id.anycheck.auth.domain.error.ForbiddenException;
import id.anycheck.auth.domain.error.InvalidInputException;
import id.anycheck.auth.domain.error.NotFoundException;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.port.OrganizationRepository;
import id.anycheck.auth.domain.port.PasswordHasher;
import id.anycheck.auth.domain.port.SessionRepository;
import id.anycheck.auth.domain.port.UserRepository;
import id.anycheck.auth.domain.port.UserRepository.AccountUpdate;
import id.anycheck.auth.domain.session.RevocationReason;
import id.anycheck.auth.domain.session.SessionId;
import id.anycheck.auth.domain.user.GroupRole;
import id.anycheck.auth.domain.user.Membership;
import id.anycheck.auth.domain.user.Password;
import id.anycheck.auth.domain.user.Role;
import id.anycheck.auth.domain.user.User;
import id.anycheck.auth.domain.user.UserId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Use cases on an organization's users. The Admin manages every user and grants the Admin role.
 * A Manager adds users to, and removes them from, the groups they manage, as User or Manager,
 * and never changes an Admin. Deactivating a user ends their sessions at once. Another
 * organization's user is reported as not found. Thread-safe.
 */
public final class UserAdministration {

    /** A user with their roles in the organization's groups. */
    public record UserView(User user, List<GroupRole> groupRoles) {
    }

    private static final System.Logger LOG = System.getLogger(UserAdministration.class.getName());

    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final SessionRepository sessions;
    private final ActiveSessionCache activeSessions;
    private final CreateUser createUser;
    private final PasswordHasher passwordHasher;
    private final PasswordGenerator passwordGenerator;
    private final Actors actors;
    private final AuditTrail auditTrail;
    private final Clock clock;

    public UserAdministration(UserRepository users, OrganizationRepository organizations, SessionRepository sessions,
            ActiveSessionCache activeSessions, CreateUser createUser, PasswordHasher passwordHasher,
            PasswordGenerator passwordGenerator, Actors actors, AuditTrail auditTrail, Clock clock) {
        this.users = users;
        this.organizations = organizations;
        this.sessions = sessions;
        this.activeSessions = activeSessions;
        this.createUser = createUser;
        this.passwordHasher = passwordHasher;
        this.passwordGenerator = passwordGenerator;
        this.actors = actors;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** Lists every user to the Admin, and to a Manager the members of the groups they manage. */
    public Page<UserView, UserRepository.Cursor> list(Caller caller, Optional<UserRepository.Cursor> after,
            int limit) {
        Actor actor = actors.of(caller.principal().orElseThrow());
        Optional<Set<GroupId>> memberOf = Optional.empty();
        if (!actor.can(Action.LIST_ALL_USERS)) {
            Set<GroupId> managed = actor.groupsWhere(Action.VIEW_GROUP_MEMBERS);
            if (managed.isEmpty()) {
                throw new ForbiddenException("Your role does not allow you to list users.");
            }
            memberOf = Optional.of(managed);
        }

        // Reading one row more than the limit shows whether a next page exists.
        List<User> found = users.list(actor.organizationId(), memberOf, after, limit + 1);

        List<UserView> page = found.stream().limit(limit).map(this::view).toList();
        Optional<UserRepository.Cursor> next = found.size() > limit
                ? Optional.of(new UserRepository.Cursor(found.get(limit - 1).createdAt(), found.get(limit - 1).id()))
                : Optional.empty();
        return new Page<>(page, next);
    }

    /**
     * Adds a user with roles in some groups. A Manager must name at least one group, and only
     * groups they manage.
     */
    public CreatedUser create(Caller caller, String email, String name, Optional<String> password,
            Map<GroupId, Role> groupRoles) {
        Actor actor = actors.of(caller.principal().orElseThrow());
        for (GroupId groupId : groupRoles.keySet()) {
            requireGroup(actor, groupId);
        }
        if (!actor.isAdmin()) {
            if (groupRoles.isEmpty()) {
                throw new ForbiddenException("A Manager must add the new user to a group they manage.");
            }
            groupRoles.keySet().forEach(groupId -> actor.require(Action.ADD_GROUP_MEMBER, groupId));
        }

        CreatedUser created = createUser.create(
                new CreateUserCommand(actor.organizationId(), email, name, password, groupRoles));

        Map<String, String> details = new LinkedHashMap<>();
        details.put("email", created.user().email().value());
        groupRoles.forEach((groupId, role) -> details.put("role_in_" + groupId, role.name()));
        auditTrail.record(AuditEventType.USER_CREATED, actor.organizationId(), caller,
                created.user().id().toString(), details);
        return created;
    }

    /** Shows a user to the Admin, to the user themself, and to a Manager of one of their groups. */
    public UserView show(Caller caller, UserId userId) {
        Actor actor = actors.of(caller.principal().orElseThrow());
        User user = find(actor, userId);
        boolean self = actor.userId().filter(userId::equals).isPresent();
        if (!self && !actor.isAdmin() && !managesAnyGroupOf(actor, userId)) {
            throw new ForbiddenException("Your role does not allow you to view this user.");
        }

        return view(user);
    }

    /**
     * Changes a user's name, active flag or Admin role, which only the Admin may do. Deactivating ends every
     * session of the user at once.
     *
     * @throws ConflictException if the change would leave no active Admin
     */
    public UserView update(Caller caller, UserId userId, Optional<String> name, Optional<Boolean> active,
            Optional<Boolean> admin) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<String> validName = name.map(requested -> FieldChecks.displayName(requested, problems));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Actor actor = actors.of(caller.principal().orElseThrow());
        User before = find(actor, userId);
        actor.require(Action.UPDATE_USER);
        if (admin.isPresent()) {
            actor.require(Action.GRANT_ADMIN);
        }

        AccountUpdate result = users.updateAccount(actor.organizationId(), userId, validName, active, admin);
        if (result == AccountUpdate.NOT_FOUND) {
            throw new NotFoundException("User " + userId + " not found.");
        }
        if (result == AccountUpdate.LAST_ADMIN) {
            throw new ConflictException("The organization needs at least one active Admin. Grant the Admin role"
                    + " to another user first.");
        }
        User after = users.findById(userId).orElseThrow();
        if (before.active() && !after.active()) {
            endSessions(userId);
        }

        recordChanges(caller, actor, before, after);
        return view(after);
    }

    /**
     * Replaces a user's password with a generated one, shown once to the Admin, and ends every
     * session of the user, for a user who lost their password.
     *
     * @return the new password
     */
    public String resetPassword(Caller caller, UserId userId) {
        Actor actor = actors.of(caller.principal().orElseThrow());
        find(actor, userId);
        actor.require(Action.UPDATE_USER);

        String password = passwordGenerator.generate();
        users.updatePasswordHash(userId, passwordHasher.hash(Password.choose(password)));
        List<SessionId> ended = sessions.revokeAllOf(userId, RevocationReason.PASSWORD_RESET, clock.instant());
        ended.forEach(activeSessions::forget);

        auditTrail.record(AuditEventType.USER_PASSWORD_RESET, actor.organizationId(), caller, userId.toString(),
                Map.of("sessions_ended", Integer.toString(ended.size())));
        LOG.log(Level.INFO, "Reset the password of user {0} and ended {1} sessions", userId, ended.size());
        return password;
    }

    /** Gives a user the User or Manager role in a group. */
    public UserView setMembership(Caller caller, UserId userId, GroupId groupId, Role role) {
        Actor actor = actors.of(caller.principal().orElseThrow());
        User user = find(actor, userId);
        requireGroup(actor, groupId);
        actor.require(Action.ADD_GROUP_MEMBER, groupId);
        requireNotAdminUnlessAdmin(actor, user);

        Optional<Role> before = roleIn(userId, groupId);
        users.putMembership(new Membership(userId, groupId, role));

        auditTrail.record(AuditEventType.MEMBERSHIP_SET, actor.organizationId(), caller, userId.toString(),
                Map.of("group_id", groupId.toString(), "role_before", before.map(Role::name).orElse("none"),
                        "role_after", role.name()));
        return view(user);
    }

    /** Removes a user from a group. */
    public void removeMembership(Caller caller, UserId userId, GroupId groupId) {
        Actor actor = actors.of(caller.principal().orElseThrow());
        User user = find(actor, userId);
        requireGroup(actor, groupId);
        actor.require(Action.REMOVE_GROUP_MEMBER, groupId);
        requireNotAdminUnlessAdmin(actor, user);

        Optional<Role> before = roleIn(userId, groupId);
        if (!users.removeMembership(userId, groupId)) {
            throw new NotFoundException("User " + userId + " is not a member of group " + groupId + ".");
        }

        auditTrail.record(AuditEventType.MEMBERSHIP_REMOVED, actor.organizationId(), caller, userId.toString(),
                Map.of("group_id", groupId.toString(), "role_before", before.map(Role::name).orElse("none")));
    }

    private void endSessions(UserId userId) {
        List<SessionId> ended = sessions.revokeAllOf(userId, RevocationReason.USER_DEACTIVATED, clock.instant());
        ended.forEach(activeSessions::forget);
        LOG.log(Level.INFO, "Deactivated user {0} and ended {1} sessions", userId, ended.size());
    }

    private void recordChanges(Caller caller, Actor actor, User before, User after) {
        String target = after.id().toString();
        if (!before.name().equals(after.name())) {
            auditTrail.record(AuditEventType.USER_UPDATED, actor.organizationId(), caller, target,
                    Map.of("name_before", before.name(), "name_after", after.name()));
        }
        if (before.active() != after.active()) {
            auditTrail.record(after.active() ? AuditEventType.USER_REACTIVATED : AuditEventType.USER_DEACTIVATED,
                    actor.organizationId(), caller, target, Map.of());
        }
        if (before.admin() != after.admin()) {
            auditTrail.record(after.admin() ? AuditEventType.ADMIN_GRANTED : AuditEventType.ADMIN_REVOKED,
                    actor.organizationId(), caller, target,
                    Map.of("role_before", before.admin() ? "ADMIN" : "none",
                            "role_after", after.admin() ? "ADMIN" : "none"));
        }
    }

    private User find(Actor actor, UserId userId) {
        return users.findById(userId)
                .filter(user -> user.organizationId().equals(actor.organizationId()))
                .orElseThrow(() -> new NotFoundException("User " + userId + " not found."));
    }

    private void requireGroup(Actor actor, GroupId groupId) {
        if (organizations.findGroup(actor.organizationId(), groupId).isEmpty()) {
            throw new NotFoundException("Group " + groupId + " not found.");
        }
    }

    private static void requireNotAdminUnlessAdmin(Actor actor, User target) {
        if (target.admin() && !actor.isAdmin()) {
            throw new ForbiddenException("Only an Admin can change the memberships of an Admin.");
        }
    }

    private boolean managesAnyGroupOf(Actor actor, UserId userId) {
        Set<GroupId> managed = actor.groupsWhere(Action.VIEW_GROUP_MEMBERS);
        return users.groupRolesOf(userId).stream().anyMatch(groupRole -> managed.contains(groupRole.group().id()));
    }

    private Optional<Role> roleIn(UserId userId, GroupId groupId) {
        return users.groupRolesOf(userId).stream()
                .filter(groupRole -> groupRole.group().id().equals(groupId))
                .map(GroupRole::role)
                .findFirst();
    }

    private UserView view(User user) {
        return new UserView(user, users.groupRolesOf(user.id()));
    }
}
