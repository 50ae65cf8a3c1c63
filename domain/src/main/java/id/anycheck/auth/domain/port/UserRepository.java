package id.anycheck.auth.domain.port;

import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.user.EmailAddress;
import id.anycheck.auth.domain.user.GroupRole;
import id.anycheck.auth.domain.user.Membership;
import id.anycheck.auth.domain.user.User;
import id.anycheck.auth.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Port: users and their group memberships. Implementations are thread-safe. */
public interface UserRepository {

    /** Finds a user by email, comparing case-insensitively after NFKC normalization. */
    Optional<User> findByEmail(EmailAddress email);

    Optional<User> findById(UserId id);

    /**
     * Stores a new user with their memberships, all or nothing.
     *
     * @throws ConflictException if the email is already registered
     */
    void add(User user, List<Membership> memberships);

    /** Replaces the stored password hash, for example after rehashing with stronger parameters. */
    void updatePasswordHash(UserId id, String passwordHash);

    /** Returns the user's groups with the role held in each, ordered by group name. */
    List<GroupRole> groupRolesOf(UserId id);

    /** Position in a list of users ordered by creation time, then id. */
    record Cursor(Instant createdAt, UserId id) {
    }

    /**
     * Returns up to {@code limit} users of the organization after the cursor, oldest first; with
     * {@code memberOf}, only users with a membership in one of those groups.
     */
    List<User> list(OrganizationId organizationId, Optional<Set<GroupId>> memberOf, Optional<Cursor> after,
            int limit);

    /** Outcome of {@link #updateAccount}. */
    enum AccountUpdate {
        UPDATED,
        NOT_FOUND,
        /** The change would leave the organization without an active Admin, so nothing changed. */
        LAST_ADMIN
    }

    /**
     * Changes a user's name, active flag and Admin role in one atomic step. A change that would
     * leave the organization without an active Admin is rejected. Concurrent changes of different
     * Admins are serialized, so they cannot together remove the last one.
     */
    AccountUpdate updateAccount(OrganizationId organizationId, UserId id, Optional<String> name,
            Optional<Boolean> active, Optional<Boolean> admin);

    /** Gives the user the role in the group, replacing any role held there. */
    void putMembership(Membership membership);

    /** Ends the user's membership in the group; returns false if there was none. */
    boolean removeMembership(UserId userId, GroupId groupId);
}
