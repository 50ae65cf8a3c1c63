package id.anycheck.auth.persistence;

import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.port.OrganizationRepository;
import id.anycheck.auth.domain.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/** Persistence adapter: organizations and groups through JDBI. Thread-safe. */
public final class JdbiOrganizationRepository implements OrganizationRepository {

    private final Jdbi jdbi;

    public JdbiOrganizationRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(Organization organization, Group firstGroup, User admin) {
        Storage.run(() -> {
            try {
                jdbi.useTransaction(handle -> {
                    handle.createUpdate("""
                                    INSERT INTO organizations (id, name, plan, active, created_at, mfa_required)
                                    VALUES (:id, :name, :plan, :active, :createdAt, :mfaRequired)
                                    """)
                            .bind("id", organization.id().value())
                            .bind("name", organization.name())
                            .bind("plan", organization.plan().name())
                            .bind("active", organization.active())
                            .bind("createdAt", organization.createdAt())
                            .bind("mfaRequired", organization.mfaRequired())
                            .execute();
                    handle.createUpdate("""
                                    INSERT INTO organization_groups (id, organization_id, name, created_at)
                                    VALUES (:id, :organizationId, :name, :createdAt)
                                    """)
                            .bind("id", firstGroup.id().value())
                            .bind("organizationId", firstGroup.organizationId().value())
                            .bind("name", firstGroup.name())
                            .bind("createdAt", firstGroup.createdAt())
                            .execute();
                    JdbiUserRepository.insert(handle, admin);
                });
            } catch (JdbiException e) {
                if (UniqueViolation.ofConstraint(e, UniqueViolation.EMAIL_CONSTRAINT)) {
                    throw new ConflictException("A user with this email is already registered.");
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<Organization> findById(OrganizationId id) {
        return Storage.call(() -> jdbi.withHandle(handle -> handle
                .createQuery("SELECT " + Rows.ORGANIZATION_COLUMNS + " FROM organizations o WHERE o.id = :id")
                .bind("id", id.value())
                .map(Rows.ORGANIZATION)
                .findOne()));
    }

    @Override
    public List<Group> groupsOf(OrganizationId id) {
        return Storage.call(() -> jdbi.withHandle(handle -> handle
                .createQuery("SELECT " + Rows.GROUP_COLUMNS
                        + " FROM organization_groups g WHERE g.organization_id = :id AND g.deleted_at IS NULL"
                        + " ORDER BY g.name, g.id")
                .bind("id", id.value())
                .map(Rows.GROUP)
                .list()));
    }

    @Override
    public boolean update(Organization organization) {
        return Storage.call(() -> jdbi.withHandle(handle -> handle
                .createUpdate("UPDATE organizations SET name = :name, mfa_required = :mfaRequired WHERE id = :id")
                .bind("name", organization.name())
                .bind("mfaRequired", organization.mfaRequired())
                .bind("id", organization.id().value())
                .execute() == 1));
    }

    @Override
    public Optional<Group> findGroup(OrganizationId organizationId, GroupId groupId) {
        return Storage.call(() -> jdbi.withHandle(handle -> handle
                .createQuery("SELECT " + Rows.GROUP_COLUMNS + " FROM organization_groups g"
                        + " WHERE g.id = :id AND g.organization_id = :organizationId AND g.deleted_at IS NULL")
                .bind("id", groupId.value())
                .bind("organizationId", organizationId.value())
                .map(Rows.GROUP)
                .findOne()));
    }

    @Override
    public void addGroup(Group group, Set<String> services) {
        Storage.run(() -> {
            try {
                jdbi.useTransaction(handle -> {
                    handle.createUpdate("""
                                    INSERT INTO organization_groups (id, organization_id, name, created_at)
                                    VALUES (:id, :organizationId, :name, :createdAt)
                                    """)
                            .bind("id", group.id().value())
                            .bind("organizationId", group.organizationId().value())
                            .bind("name", group.name())
                            .bind("createdAt", group.createdAt())
                            .execute();
                    insertServices(handle, group.id(), services);
                });
            } catch (JdbiException e) {
                throw groupNameConflict(e, group.name());
            }
        });
    }

    @Override
    public boolean renameGroup(OrganizationId organizationId, GroupId groupId, String name) {
        return Storage.call(() -> {
            try {
                return jdbi.withHandle(handle -> handle.createUpdate("""
                                UPDATE organization_groups SET name = :name
                                 WHERE id = :id AND organization_id = :organizationId AND deleted_at IS NULL""")
                        .bind("name", name)
                        .bind("id", groupId.value())
                        .bind("organizationId", organizationId.value())
                        .execute() == 1);
            } catch (JdbiException e) {
                throw groupNameConflict(e, name);
            }
        });
    }

    @Override
    public boolean deleteGroup(OrganizationId organizationId, GroupId groupId, Instant now) {
        return Storage.call(() -> jdbi.inTransaction(handle -> {
            int deleted = handle.createUpdate("""
                            UPDATE organization_groups SET deleted_at = :now
                             WHERE id = :id AND organization_id = :organizationId AND deleted_at IS NULL""")
                    .bind("now", now)
                    .bind("id", groupId.value())
                    .bind("organizationId", organizationId.value())
                    .execute();
            if (deleted == 0) {
                return false;
            }
            handle.createUpdate("DELETE FROM memberships WHERE group_id = :id").bind("id", groupId.value()).execute();
            handle.createUpdate("UPDATE api_keys SET revoked_at = :now WHERE group_id = :id AND revoked_at IS NULL")
                    .bind("now", now)
                    .bind("id", groupId.value())
                    .execute();
            return true;
        }));
    }

    @Override
    public Set<String> servicesOf(GroupId groupId) {
        return Storage.call(() -> jdbi.withHandle(handle -> handle
                .createQuery("SELECT service FROM group_services WHERE group_id = :id ORDER BY service")
                .bind("id", groupId.value())
                .mapTo(String.class)
                .collect(Collectors.toCollection(TreeSet::new))));
    }

    @Override
    public void setServices(GroupId groupId, Set<String> services) {
        Storage.run(() -> jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM group_services WHERE group_id = :id").bind("id", groupId.value()).execute();
            insertServices(handle, groupId, services);
        }));
    }

    private static void insertServices(Handle handle, GroupId groupId, Set<String> services) {
        for (String service : new TreeSet<>(services)) {
            handle.createUpdate("INSERT INTO group_services (group_id, service) VALUES (:id, :service)")
                    .bind("id", groupId.value())
                    .bind("service", service)
                    .execute();
        }
    }

    private static RuntimeException groupNameConflict(JdbiException e, String name) {
        if (UniqueViolation.ofConstraint(e, UniqueViolation.GROUP_NAME_CONSTRAINT)) {
            return new ConflictException("A group named \"" + name + "\" exists or existed in this organization;"
                    + " choose another name.");
        }
        return e;
    }
}
