package id.anycheck.auth.persistence;

import id.anycheck.auth.domain.apikey.ApiKeyEnvironment;
import id.anycheck.auth.domain.apikey.ApiKeyId;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.port.VerificationRepository;
import id.anycheck.auth.domain.user.UserId;
import id.anycheck.auth.domain.verification.Verification;
import id.anycheck.auth.domain.verification.VerificationId;
import id.anycheck.auth.domain.verification.VerificationStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/** Persistence adapter: verification requests through JDBI. Thread-safe. */
public final class JdbiVerificationRepository implements VerificationRepository {

    private static final String COLUMNS = """
            v.id, v.organization_id, v.group_id, v.service, v.status, v.environment, v.reference_id, v.subject,
            v.created_by_user_id, v.created_by_key_id, v.created_at""";

    private final Jdbi jdbi;

    public JdbiVerificationRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(Verification verification) {
        Storage.run(() -> jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO verifications (id, organization_id, group_id, service, status, environment,
                                                   reference_id, subject, created_by_user_id, created_by_key_id,
                                                   created_at)
                        VALUES (:id, :organizationId, :groupId, :service, :status, :environment, :referenceId,
                                :subject, :createdByUser, :createdByKey, :createdAt)""")
                .bind("id", verification.id().value())
                .bind("organizationId", verification.organizationId().value())
                .bind("groupId", verification.groupId().value())
                .bind("service", verification.service())
                .bind("status", verification.status().externalName())
                .bind("environment", verification.environment().externalName())
                .bind("referenceId", verification.referenceId().orElse(null))
                .bind("subject", verification.subjectJson())
                .bind("createdByUser", Rows.nullableUuid(verification.createdByUser().map(UserId::value).orElse(null)))
                .bind("createdByKey", Rows.nullableUuid(verification.createdByKey().map(ApiKeyId::value).orElse(null)))
                .bind("createdAt", verification.createdAt())
                .execute()));
    }

    @Override
    public Optional<Verification> findById(OrganizationId organizationId, VerificationId id) {
        return Storage.call(() -> jdbi.withHandle(handle -> handle
                .createQuery("SELECT " + COLUMNS + " FROM verifications v"
                        + " WHERE v.id = :id AND v.organization_id = :organizationId")
                .bind("id", id.value())
                .bind("organizationId", organizationId.value())
                .map(JdbiVerificationRepository::map)
                .findOne()));
    }

    @Override
    public List<Verification> list(OrganizationId organizationId, Filter filter, Optional<Cursor> after, int limit) {
        if (filter.groups().isPresent() && filter.groups().get().isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM verifications v"
                + " WHERE v.organization_id = :organizationId");
        filter.groups().ifPresent(groups -> sql.append(" AND v.group_id IN (<groups>)"));
        filter.service().ifPresent(service -> sql.append(" AND v.service = :service"));
        filter.status().ifPresent(status -> sql.append(" AND v.status = :status"));
        filter.referenceId().ifPresent(referenceId -> sql.append(" AND v.reference_id = :referenceId"));
        filter.createdFrom().ifPresent(from -> sql.append(" AND v.created_at >= :createdFrom"));
        filter.createdBefore().ifPresent(before -> sql.append(" AND v.created_at < :createdBefore"));
        filter.environment().ifPresent(environment -> sql.append(" AND v.environment = :environment"));
        after.ifPresent(cursor -> sql.append(
                " AND (v.created_at < :afterCreatedAt OR (v.created_at = :afterCreatedAt AND v.id < :afterId))"));
        sql.append(" ORDER BY v.created_at DESC, v.id DESC LIMIT :limit");

        return Storage.call(() -> jdbi.withHandle(handle -> {
            Query query = handle.createQuery(sql.toString())
                    .bind("organizationId", organizationId.value())
                    .bind("limit", limit);
            filter.groups().ifPresent(groups -> query.bindList("groups", groups.stream().map(GroupId::value).toList()));
            filter.service().ifPresent(service -> query.bind("service", service));
            filter.status().ifPresent(status -> query.bind("status", status.externalName()));
            filter.referenceId().ifPresent(referenceId -> query.bind("referenceId", referenceId));
            filter.createdFrom().ifPresent(from -> query.bind("createdFrom", from));
            filter.createdBefore().ifPresent(before -> query.bind("createdBefore", before));
            filter.environment().ifPresent(environment -> query.bind("environment", environment.externalName()));
            after.ifPresent(cursor -> query
                    .bind("afterCreatedAt", cursor.createdAt())
                    .bind("afterId", cursor.id().value()));
            return query.map(JdbiVerificationRepository::map).list();
        }));
    }

    private static Verification map(ResultSet rs, StatementContext ctx) throws SQLException {
        String status = rs.getString("status");
        String environment = rs.getString("environment");
        UUID createdByUser = Rows.uuid(rs, "created_by_user_id");
        UUID createdByKey = Rows.uuid(rs, "created_by_key_id");
        return new Verification(
                new VerificationId(Rows.uuid(rs, "id")),
                new OrganizationId(Rows.uuid(rs, "organization_id")),
                new GroupId(Rows.uuid(rs, "group_id")),
                rs.getString("service"),
                VerificationStatus.byName(status)
                        .orElseThrow(() -> new IllegalStateException("unknown status stored: " + status)),
                ApiKeyEnvironment.byName(environment)
                        .orElseThrow(() -> new IllegalStateException("unknown environment stored: " + environment)),
                Optional.ofNullable(rs.getString("reference_id")),
                rs.getString("subject"),
                Optional.ofNullable(createdByUser).map(UserId::new),
                Optional.ofNullable(createdByKey).map(ApiKeyId::new),
                Rows.instant(rs, "created_at"));
    }
}
