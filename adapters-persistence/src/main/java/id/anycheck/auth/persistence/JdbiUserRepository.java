package id.anycheck.auth.persistence;

import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.port.UserRepository;
import id.anycheck.auth.domain.user.EmailAddress;
import id.anycheck.auth.domain.user.GroupRole;
import id.anycheck.auth.domain.user.Membership;
import id.anycheck.auth.domain.user.Role;
import id.anycheck.auth.domain.user.User;
import id.anycheck.auth.domain.user.UserId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/** Persistence adapter: users and memberships through JDBI. Thread-safe. */
public final class JdbiUserRepository implements UserRepository {

    private final Jdbi jdbi;

    public JdbiUserRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return Storage.call(() -> jdbi.withHandle(handle -> handle
                .createQuery("SELECT " + Rows.USER_COLUMNS + " FROM users u WHERE u.email_lookup_key = :key")
                .bind("key", email.lookupKey())
                .map(Rows.USER)
                .findOne()));
    }

    @Override
    public Optional<User> findById(UserId id) {
        return Storage.call(() -> jdbi.withHandle(handle -> handle
                .createQuery("SELECT " + Rows.USER_COLUMNS + " FROM users u WHERE u.id = :id")
                .bind("id", id.value())
                .map(Rows.USER)
                .findOne()));
    }

    @Override
    public void add(User user, List<Membership> memberships) {
        Storage.run(() -> {
            try {
                jdbi.useTransaction(handle -> {
                    insert(handle, user);
                    for (Membership membership : memberships) {
                        insertMembership(handle, membership, user);
                    }
                });
            } catch (JdbiException e) {
                if (UniqueViolation.ofConstraint(e, UniqueViolation.EMAIL_CONSTRAINT)) {
                    throw new ConflictException("A user with this email is already registered.");
                }
                throw e;
            }
        });
    }

    /** Inserts one user row within the caller's transaction. */
    static void insert(Handle handle, User user) {
        handle.createUpdate("""
                        INSERT INTO users (id, organization_id, email, email_lookup_key, name, password_hash,
                                           is_admin, active, created_at)
                        VALUES (:id, :organizationId, :email, :emailLookupKey, :name, :passwordHash,
                                :admin, :active, :createdAt)
                        """)
                .bind("id", user.id().value())
                .bind("organizationId", user.organizationId().value())
                .bind("email", user.email().value())
                .bind("emailLookupKey", user.email().lookupKey())
                .bind("name", user.name())
                .bind("passwordHash", user.passwordHash().orElse(null))
                .bind("admin", user.admin())
                .bind("active", user.active())
                .bind("createdAt", user.createdAt())
                .execute();
    }

    private static void insertMembership(Handle handle, Membership membership, User user) {
        handle.createUpdate("""
                        INSERT INTO memberships (user_id, group_id, role, created_at)
                        VALUES (:userId, :groupId, :role, :createdAt)
                        """)
                .bind("userId", membership.userId().value())
                .bind("groupId", membership.groupId().value())
                .bind("role", membership.role().name())
                .bind("createdAt", user.createdAt())
                .execute();
    }

    @Override
    public void updatePasswordHash(UserId id, String passwordHash) {
        Storage.run(() -> jdbi.useHandle(handle -> handle
                .createUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
                .bind("hash", passwordHash)
                .bind("id", id.value())
                .execute()));
    }

    @Override
    public List<GroupRole> groupRolesOf(UserId id) {
        return Storage.call(() -> jdbi.withHandle(handle -> handle
                .createQuery("SELECT " + Rows.GROUP_COLUMNS + ", m.role FROM memberships m "
                        + "JOIN organization_groups g ON g.id = m.group_id "
                        + "WHERE m.user_id = :userId ORDER BY g.name, g.id")
                .bind("userId", id.value())
                .map((rs, ctx) -> new GroupRole(Rows.GROUP.map(rs, ctx), Role.valueOf(rs.getString("role"))))
                .list()));
    }
}
