package id.anycheck.auth.persistence;

import id.anycheck.auth.domain.apikey.ApiKey;
import id.anycheck.auth.domain.apikey.ApiKeyCreator;
import id.anycheck.auth.domain.apikey.ApiKeyEnvironment;
import id.anycheck.auth.domain.apikey.ApiKeyId;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.port.ApiKeyRepository;
import id.anycheck.auth.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * Persistence adapter: API keys through JDBI. Issuing a key locks its organization's row while it
 * counts the active keys, so concurrent issues cannot pass the contract limit together. Rotating
 * and revoking are conditional UPDATEs, so of concurrent calls exactly one changes the key.
 * Thread-safe.
 */
public final class JdbiApiKeyRepository implements ApiKeyRepository {

    private static final String COLUMNS = """
            k.id, k.organization_id, k.group_id, k.name, k.environment, k.lookup_id, k.secret_hash, k.created_at,
            k.created_by_user_id, k.expires_at, k.last_used_at, k.rotated_at, k.revoked_at, k.replaces_key_id""";

    private static final RowMapper<ApiKey> API_KEY = JdbiApiKeyRepository::map;

    private final Jdbi jdbi;

    public JdbiApiKeyRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean addWithinLimit(ApiKey key, Instant now) {
        return Storage.call(() -> jdbi.inTransaction(handle -> {
            Optional<Integer> limit = handle
                    .createQuery("SELECT api_key_limit FROM organizations WHERE id = :id FOR UPDATE")
                    .bind("id", key.organizationId().value())
                    .mapTo(Integer.class)
                    .findOne();
            if (limit.isEmpty()) {
                throw new IllegalArgumentException("unknown organization " + key.organizationId());
            }
            int counted = handle.createQuery("""
                            SELECT COUNT(*) FROM api_keys
                             WHERE organization_id = :organizationId
                               AND revoked_at IS NULL AND rotated_at IS NULL AND expires_at > :now""")
                    .bind("organizationId", key.organizationId().value())
                    .bind("now", now)
                    .mapTo(Integer.class)
                    .one();
            if (counted >= limit.get()) {
                return false;
            }
            insert(handle, key);
            return true;
        }));
    }

    @Override
    public int limitOf(OrganizationId organizationId) {
        return Storage.call(() -> jdbi.withHandle(handle -> handle
                .createQuery("SELECT api_key_limit FROM organizations WHERE id = :id")
                .bind("id", organizationId.value())
                .mapTo(Integer.class)
                .findOne()
                .orElseThrow(() -> new IllegalArgumentException("unknown organization " + organizationId))));
    }

    @Override
    public boolean setLimit(OrganizationId organizationId, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return Storage.call(() -> jdbi.withHandle(handle -> handle
                .createUpdate("UPDATE organizations SET api_key_limit = :limit WHERE id = :id")
                .bind("limit", limit)
                .bind("id", organizationId.value())
                .execute() == 1));
    }

    @Override
    public Optional<ApiKey> findByLookupId(String lookupId) {
        return Storage.call(() -> jdbi.withHandle(handle -> handle
                .createQuery("SELECT " + COLUMNS + " FROM api_keys k WHERE k.lookup_id = :lookupId")
                .bind("lookupId", lookupId)
                .map(API_KEY)
                .findOne()));
    }

    @Override
    public Optional<ApiKey> findById(OrganizationId organizationId, ApiKeyId id) {
        return Storage.call(() -> jdbi.withHandle(handle -> findById(handle, organizationId, id)));
    }

    @Override
    public List<ApiKey> list(OrganizationId organizationId, Optional<Cursor> after, int limit) {
        String afterCursor = after.isEmpty()
                ? ""
                : " AND (k.created_at > :afterCreatedAt OR (k.created_at = :afterCreatedAt AND k.id > :afterId))";
        return Storage.call(() -> jdbi.withHandle(handle -> {
            Query query = handle.createQuery("SELECT " + COLUMNS + " FROM api_keys k"
                            + " WHERE k.organization_id = :organizationId" + afterCursor
                            + " ORDER BY k.created_at, k.id LIMIT :limit")
                    .bind("organizationId", organizationId.value())
                    .bind("limit", limit);
            after.ifPresent(cursor -> query
                    .bind("afterCreatedAt", cursor.createdAt())
                    .bind("afterId", cursor.id().value()));
            return query.map(API_KEY).list();
        }));
    }

    @Override
    public Optional<ApiKey> rotate(ApiKey key, ApiKey replacement, Instant graceEnd, Instant now) {
        return Storage.call(() -> jdbi.inTransaction(handle -> {
            int rotated = handle.createUpdate("""
                            UPDATE api_keys
                               SET rotated_at = :now,
                                   expires_at = CASE WHEN expires_at > :graceEnd THEN :graceEnd ELSE expires_at END
                             WHERE id = :id AND organization_id = :organizationId
                               AND revoked_at IS NULL AND rotated_at IS NULL AND expires_at > :now""")
                    .bind("now", now)
                    .bind("graceEnd", graceEnd)
                    .bind("id", key.id().value())
                    .bind("organizationId", key.organizationId().value())
                    .execute();
            if (rotated == 0) {
                return Optional.empty();
            }
            insert(handle, replacement);
            return findById(handle, key.organizationId(), key.id());
        }));
    }

    @Override
    public boolean revoke(OrganizationId organizationId, ApiKeyId id, Instant now) {
        return Storage.call(() -> jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE api_keys SET revoked_at = :now
                         WHERE id = :id AND organization_id = :organizationId AND revoked_at IS NULL""")
                .bind("now", now)
                .bind("id", id.value())
                .bind("organizationId", organizationId.value())
                .execute() == 1));
    }

    @Override
    public void recordUse(ApiKeyId id, Instant usedAt, Instant notBefore) {
        Storage.run(() -> jdbi.useHandle(handle -> handle.createUpdate("""
                        UPDATE api_keys SET last_used_at = :usedAt
                         WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :notBefore)""")
                .bind("usedAt", usedAt)
                .bind("notBefore", notBefore)
                .bind("id", id.value())
                .execute()));
    }

    private static Optional<ApiKey> findById(Handle handle, OrganizationId organizationId, ApiKeyId id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM api_keys k"
                        + " WHERE k.id = :id AND k.organization_id = :organizationId")
                .bind("id", id.value())
                .bind("organizationId", organizationId.value())
                .map(API_KEY)
                .findOne();
    }

    private static void insert(Handle handle, ApiKey key) {
        handle.createUpdate("""
                        INSERT INTO api_keys (id, organization_id, group_id, name, environment, lookup_id, secret_hash,
                                              created_at, created_by_user_id, expires_at, replaces_key_id)
                        VALUES (:id, :organizationId, :groupId, :name, :environment, :lookupId, :secretHash,
                                :createdAt, :createdBy, :expiresAt, :replacesKeyId)""")
                .bind("id", key.id().value())
                .bind("organizationId", key.organizationId().value())
                .bind("groupId", key.groupId().value())
                .bind("name", key.name())
                .bind("environment", key.environment().externalName())
                .bind("lookupId", key.lookupId())
                .bind("secretHash", key.secretHash())
                .bind("createdAt", key.createdAt())
                .bind("createdBy", Rows.nullableUuid(key.createdBy().userId().map(UserId::value).orElse(null)))
                .bind("expiresAt", key.expiresAt())
                .bind("replacesKeyId", Rows.nullableUuid(key.replacesKeyId().map(ApiKeyId::value).orElse(null)))
                .execute();
    }

    private static ApiKey map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        String environment = rs.getString("environment");
        UUID createdBy = Rows.uuid(rs, "created_by_user_id");
        UUID replacesKeyId = Rows.uuid(rs, "replaces_key_id");
        return new ApiKey(
                new ApiKeyId(Rows.uuid(rs, "id")),
                new OrganizationId(Rows.uuid(rs, "organization_id")),
                new GroupId(Rows.uuid(rs, "group_id")),
                rs.getString("name"),
                ApiKeyEnvironment.byName(environment)
                        .orElseThrow(() -> new IllegalStateException("unknown environment stored: " + environment)),
                rs.getString("lookup_id"),
                rs.getString("secret_hash"),
                Rows.instant(rs, "created_at"),
                createdBy == null ? ApiKeyCreator.operator() : ApiKeyCreator.user(new UserId(createdBy)),
                Rows.instant(rs, "expires_at"),
                Optional.ofNullable(Rows.instant(rs, "last_used_at")),
                Optional.ofNullable(Rows.instant(rs, "rotated_at")),
                Optional.ofNullable(Rows.instant(rs, "revoked_at")),
                Optional.ofNullable(replacesKeyId).map(ApiKeyId::new));
    }
}
