package id.anycheck.auth.persistence;

import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.port.SingleSignOnRepository;
import id.anycheck.auth.domain.sso.PendingSignIn;
import id.anycheck.auth.domain.sso.SingleSignOnSettings;
import id.anycheck.auth.domain.sso.UnknownUserPolicy;
import id.anycheck.auth.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Persistence adapter: single sign-on settings, identity links and pending sign-ins through
 * JDBI. Taking a pending sign-in is one DELETE that returns the deleted row, so a state works
 * once even when its callbacks race. Thread-safe.
 */
public final class JdbiSingleSignOnRepository implements SingleSignOnRepository {

    private static final String TAKE_CONDITION = "DELETE FROM sso_pending_sign_ins WHERE state_hash = :stateHash";
    private static final String PENDING_COLUMNS =
            "state_hash, nonce, code_verifier, redirect_uri, created_at, expires_at";

    private static final RowMapper<PendingSignIn> PENDING_SIGN_IN = (rs, ctx) -> new PendingSignIn(
            rs.getString("state_hash"),
            rs.getString("nonce"),
            rs.getString("code_verifier"),
            rs.getString("redirect_uri"),
            Rows.instant(rs, "created_at"),
            Rows.instant(rs, "expires_at"));

    private final Jdbi jdbi;
    /**
     * The atomic take. PostgreSQL returns deleted rows with RETURNING; H2 has no RETURNING but
     * can select from the rows a DELETE removed.
     */
    private final String take;

    public JdbiSingleSignOnRepository(Jdbi jdbi, DatabaseKind kind) {
        this.jdbi = jdbi;
        this.take = switch (kind) {
            case POSTGRESQL -> TAKE_CONDITION + " RETURNING " + PENDING_COLUMNS;
            case H2 -> "SELECT " + PENDING_COLUMNS + " FROM OLD TABLE (" + TAKE_CONDITION + ")";
        };
    }

    @Override
    public void savePendingSignIn(PendingSignIn pendingSignIn, Instant now) {
        Storage.run(() -> jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM sso_pending_sign_ins WHERE expires_at < :now")
                    .bind("now", now)
                    .execute();
            handle.createUpdate("INSERT INTO sso_pending_sign_ins (" + PENDING_COLUMNS + ")"
                            + " VALUES (:stateHash, :nonce, :codeVerifier, :redirectUri, :createdAt, :expiresAt)")
                    .bind("stateHash", pendingSignIn.stateHash())
                    .bind("nonce", pendingSignIn.nonce())
                    .bind("codeVerifier", pendingSignIn.codeVerifier())
                    .bind("redirectUri", pendingSignIn.redirectUri())
                    .bind("createdAt", pendingSignIn.createdAt())
                    .bind("expiresAt", pendingSignIn.expiresAt())
                    .execute();
        }));
    }

    @Override
    public Optional<PendingSignIn> takePendingSignIn(String stateHash) {
        return Storage.call(() -> jdbi.withHandle(handle -> handle.createQuery(take)
                .bind("stateHash", stateHash)
                .map(PENDING_SIGN_IN)
                .findOne()));
    }

    @Override
    public SingleSignOnSettings settingsOf(OrganizationId organizationId) {
        return Storage.call(() -> jdbi.withHandle(handle -> read(handle, organizationId)))
                .orElseGet(() -> SingleSignOnSettings.disabled(organizationId));
    }

    @Override
    public Optional<SingleSignOnSettings> settingsOfTenant(String tenantId) {
        return Storage.call(() -> jdbi.withHandle(handle -> handle
                .createQuery("SELECT organization_id FROM sso_tenants WHERE tenant_id = :tenantId")
                .bind("tenantId", tenantId)
                .map((rs, ctx) -> new OrganizationId(Rows.uuid(rs, "organization_id")))
                .findOne()
                .flatMap(organizationId -> read(handle, organizationId))));
    }

    @Override
    public void saveSettings(SingleSignOnSettings settings, Instant now) {
        UUID organizationId = settings.organizationId().value();
        try {
            Storage.run(() -> jdbi.useTransaction(handle -> {
                int updated = handle.createUpdate("""
                                UPDATE sso_settings SET unknown_users = :unknownUsers, default_group_id = :defaultGroupId,
                                       updated_at = :now
                                 WHERE organization_id = :organizationId""")
                        .bind("unknownUsers", settings.unknownUsers().name())
                        .bind("defaultGroupId", Rows.nullableUuid(settings.defaultGroupId().map(GroupId::value).orElse(null)))
                        .bind("now", now)
                        .bind("organizationId", organizationId)
                        .execute();
                if (updated == 0) {
                    handle.createUpdate("""
                                    INSERT INTO sso_settings (organization_id, unknown_users, default_group_id, updated_at)
                                    VALUES (:organizationId, :unknownUsers, :defaultGroupId, :now)""")
                            .bind("organizationId", organizationId)
                            .bind("unknownUsers", settings.unknownUsers().name())
                            .bind("defaultGroupId",
                                    Rows.nullableUuid(settings.defaultGroupId().map(GroupId::value).orElse(null)))
                            .bind("now", now)
                            .execute();
                }
                handle.createUpdate("DELETE FROM sso_tenants WHERE organization_id = :organizationId")
                        .bind("organizationId", organizationId)
                        .execute();
                for (String tenantId : settings.allowedTenantIds()) {
                    handle.createUpdate("INSERT INTO sso_tenants (tenant_id, organization_id) VALUES (:tenantId, :organizationId)")
                            .bind("tenantId", tenantId)
                            .bind("organizationId", organizationId)
                            .execute();
                }
            }));
        } catch (JdbiException e) {
            if (UniqueViolation.causedBy(e)) {
                throw new ConflictException("Another organization already allows one of these tenants.");
            }
            throw e;
        }
    }

    @Override
    public Optional<UserId> linkedUser(String tenantId, String objectId) {
        return Storage.call(() -> jdbi.withHandle(handle -> handle
                .createQuery("SELECT user_id FROM sso_identities WHERE tenant_id = :tenantId AND object_id = :objectId")
                .bind("tenantId", tenantId)
                .bind("objectId", objectId)
                .map((rs, ctx) -> new UserId(Rows.uuid(rs, "user_id")))
                .findOne()));
    }

    @Override
    public boolean link(UserId userId, String tenantId, String objectId, Instant now) {
        try {
            Storage.run(() -> jdbi.useHandle(handle -> handle.createUpdate("""
                            INSERT INTO sso_identities (tenant_id, object_id, user_id, linked_at)
                            VALUES (:tenantId, :objectId, :userId, :now)""")
                    .bind("tenantId", tenantId)
                    .bind("objectId", objectId)
                    .bind("userId", userId.value())
                    .bind("now", now)
                    .execute()));
            return true;
        } catch (JdbiException e) {
            if (UniqueViolation.causedBy(e)) {
                return false;
            }
            throw e;
        }
    }

    private static Optional<SingleSignOnSettings> read(Handle handle, OrganizationId organizationId) {
        Optional<SettingsRow> row = handle.createQuery(
                        "SELECT unknown_users, default_group_id FROM sso_settings WHERE organization_id = :organizationId")
                .bind("organizationId", organizationId.value())
                .map((rs, ctx) -> new SettingsRow(
                        UnknownUserPolicy.valueOf(rs.getString("unknown_users")),
                        Optional.ofNullable(Rows.uuid(rs, "default_group_id")).map(GroupId::new)))
                .findOne();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<String> tenants = handle.createQuery(
                        "SELECT tenant_id FROM sso_tenants WHERE organization_id = :organizationId ORDER BY tenant_id")
                .bind("organizationId", organizationId.value())
                .mapTo(String.class)
                .list();
        return Optional.of(new SingleSignOnSettings(
                organizationId, Set.copyOf(tenants), row.get().unknownUsers(), row.get().defaultGroupId()));
    }

    private record SettingsRow(UnknownUserPolicy unknownUsers, Optional<GroupId> defaultGroupId) {
    }
}
