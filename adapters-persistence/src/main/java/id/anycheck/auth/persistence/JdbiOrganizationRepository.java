package id.anycheck.auth.persistence;

import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.organization.Plan;
import id.anycheck.auth.domain.port.OrganizationRepository;
import id.anycheck.auth.domain.user.User;
import java.util.List;
import java.util.Optional;
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
                                    INSERT INTO organizations (id, name, plan, active, created_at)
                                    VALUES (:id, :name, :plan, :active, :createdAt)
                                    """)
                            .bind("id", organization.id().value())
                            .bind("name", organization.name())
                            .bind("plan", organization.plan().name())
                            .bind("active", organization.active())
                            .bind("createdAt", organization.createdAt())
                            .execute();
                    handle.createUpdate("""
                                    INSERT INTO organization_groups
                                        (id, organization_id, name, rate_limit_per_minute, created_at)
                                    VALUES (:id, :organizationId, :name, :rateLimitPerMinute, :createdAt)
                                    """)
                            .bind("id", firstGroup.id().value())
                            .bind("organizationId", firstGroup.organizationId().value())
                            .bind("name", firstGroup.name())
                            .bindByType("rateLimitPerMinute", firstGroup.rateLimitPerMinute().orElse(null), Integer.class)
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
                        + " FROM organization_groups g WHERE g.organization_id = :id ORDER BY g.name, g.id")
                .bind("id", id.value())
                .map(Rows.GROUP)
                .list()));
    }

    @Override
    public Optional<Group> findGroup(GroupId id) {
        return Storage.call(() -> jdbi.withHandle(handle -> handle
                .createQuery("SELECT " + Rows.GROUP_COLUMNS + " FROM organization_groups g WHERE g.id = :id")
                .bind("id", id.value())
                .map(Rows.GROUP)
                .findOne()));
    }

    @Override
    public boolean changePlan(OrganizationId id, Plan plan) {
        return Storage.call(() -> jdbi.withHandle(handle -> handle
                .createUpdate("UPDATE organizations SET plan = :plan WHERE id = :id")
                .bind("plan", plan.name())
                .bind("id", id.value())
                .execute()) == 1);
    }

    @Override
    public boolean changeGroupRateLimit(GroupId id, Optional<Integer> rateLimitPerMinute) {
        rateLimitPerMinute.ifPresent(Group::requireValidRateLimit);
        return Storage.call(() -> jdbi.withHandle(handle -> handle
                .createUpdate("UPDATE organization_groups SET rate_limit_per_minute = :rateLimitPerMinute WHERE id = :id")
                .bindByType("rateLimitPerMinute", rateLimitPerMinute.orElse(null), Integer.class)
                .bind("id", id.value())
                .execute()) == 1);
    }
}
