package id.anycheck.auth.persistence;

import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.port.UserRepository;
import id.anycheck.auth.domain.user.EmailAddress;
import id.anycheck.auth.domain.user.GroupRole;
import id.anycheck.auth.domain.user.Membership;
import id.anycheck.auth.domain.user.Role;
import id.anycheck.auth.domain.user.User;
import id.anycheck.auth.domain.user.UserId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Query;

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

    @Override
    public List<User> list(OrganizationId organizationId, Optional<Set<GroupId>> memberOf, Optional<Cursor> after,
            int limit) {
        if (memberOf.isPresent() && memberOf.get().isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT " + Rows.USER_COLUMNS + " FROM users u"
                + " WHERE u.organization_id = :organizationId");
        memberOf.ifPresent(groups -> sql.append(" AND EXISTS (SELECT 1 FROM memberships m"
                + " WHERE m.user_id = u.id AND m.group_id IN (<groups>))"));
        after.ifPresent(cursor -> sql.append(
                " AND (u.created_at > :afterCreatedAt OR (u.created_at = :afterCreatedAt AND u.id > :afterId))"));
        sql.append(" ORDER BY u.created_at, u.id LIMIT :limit");
        return Storage.call(() -> jdbi.withHandle(handle -> {
            Query query = handle.createQuery(sql.toString())
                    .bind("organizationId", organizationId.value())
                    .bind("limit", limit);
            memberOf.ifPresent(groups -> query.bindList("groups", groups.stream().map(GroupId::value).toList()));
            after.ifPresent(cursor -> query
                    .bind("afterCreatedAt", cursor.createdAt())
                    .bind("afterId", cursor.id().value()));
            return query.map(Rows.USER).list();
        }));
    }

    @Override
    public AccountUpdate updateAccount(OrganizationId organizationId, UserId id, Optional<String> name,
            Optional<Boolean> active, Optional<Boolean> admin) {
        return Storage.call(() -> jdbi.inTransaction(handle -> {
            // Locking the organization row serializes changes to its Admins, so two requests that
            // each remove a different Admin cannot both see the other one still in place.
            handle.createQuery("SELECT id FROM organizations WHERE id = :id FOR UPDATE")
                    .bind("id", organizationId.value())
                    .mapTo(UUID.class)
                    .findOne();
            Optional<User> stored = handle.createQuery("SELECT " + Rows.USER_COLUMNS + " FROM users u"
                            + " WHERE u.id = :id AND u.organization_id = :organizationId")
                    .bind("id", id.value())
                    .bind("organizationId", organizationId.value())
                    .map(Rows.USER)
                    .findOne();
            if (stored.isEmpty()) {
                return AccountUpdate.NOT_FOUND;
            }
            User user = stored.get();
            boolean activeAdminNow = user.admin() && user.active();
            boolean activeAdminAfter = admin.orElse(user.admin()) && active.orElse(user.active());
            if (activeAdminNow && !activeAdminAfter && otherActiveAdmins(handle, organizationId, id) == 0) {
                return AccountUpdate.LAST_ADMIN;
            }
            handle.createUpdate("UPDATE users SET name = :name, active = :active, is_admin = :admin WHERE id = :id")
                    .bind("name", name.orElse(user.name()))
                    .bind("active", active.orElse(user.active()))
                    .bind("admin", admin.orElse(user.admin()))
                    .bind("id", id.value())
                    .execute();
            return AccountUpdate.UPDATED;
        }));
    }

    private static int otherActiveAdmins(Handle handle, OrganizationId organizationId, UserId id) {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM users
                         WHERE organization_id = :organizationId AND is_admin AND active AND id <> :id""")
                .bind("organizationId", organizationId.value())
                .bind("id", id.value())
                .mapTo(Integer.class)
                .one();
    }

    @Override
    public void putMembership(Membership membership) {
        Storage.run(() -> jdbi.useHandle(handle -> {
            if (updateRole(handle, membership)) {
                return;
            }
            try {
                handle.createUpdate("""
                                INSERT INTO memberships (user_id, group_id, role, created_at)
                                VALUES (:userId, :groupId, :role, CURRENT_TIMESTAMP)""")
                        .bind("userId", membership.userId().value())
                        .bind("groupId", membership.groupId().value())
                        .bind("role", membership.role().name())
                        .execute();
            } catch (JdbiException e) {
                // A concurrent request created the membership first; this request's role wins.
                if (!UniqueViolation.causedBy(e) || !updateRole(handle, membership)) {
                    throw e;
                }
            }
        }));
    }

    private static boolean updateRole(Handle handle, Membership membership) {
        return handle.createUpdate(
                        "UPDATE memberships SET role = :role WHERE user_id = :userId AND group_id = :groupId")
                .bind("role", membership.role().name())
                .bind("userId", membership.userId().value())
                .bind("groupId", membership.groupId().value())
                .execute() == 1;
    }

    @Override
    public boolean removeMembership(UserId userId, GroupId groupId) {
        return Storage.call(() -> jdbi.withHandle(handle -> handle
                .createUpdate("DELETE FROM memberships WHERE user_id = :userId AND group_id = :groupId")
                .bind("userId", userId.value())
                .bind("groupId", groupId.value())
                .execute() == 1));
    }
}
