package id.anycheck.auth.persistence;

import id.anycheck.auth.domain.mfa.TotpEnrolment;
import id.anycheck.auth.domain.mfa.TotpSecret;
import id.anycheck.auth.domain.port.TotpRepository;
import id.anycheck.auth.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Persistence adapter: TOTP enrolments and recovery codes through JDBI, with secrets encrypted
 * by {@link TotpSecretCipher}. Using a code is one conditional UPDATE, so it is atomic on H2
 * and PostgreSQL without locks held across round trips. Thread-safe.
 */
public final class JdbiTotpRepository implements TotpRepository {

    private final Jdbi jdbi;
    private final TotpSecretCipher cipher;

    public JdbiTotpRepository(Jdbi jdbi, TotpSecretCipher cipher) {
        this.jdbi = jdbi;
        this.cipher = cipher;
    }

    @Override
    public boolean savePending(UserId userId, UUID enrolmentId, TotpSecret secret, Instant now) {
        String encrypted = cipher.encrypt(userId, secret);
        return Storage.call(() -> {
            try {
                return replacePending(userId, enrolmentId, encrypted, now);
            } catch (JdbiException e) {
                if (!UniqueViolation.causedBy(e)) {
                    throw e;
                }
                // Either the enrolment is confirmed, or a concurrent enrolment of the same user
                // stored its pending row first. The latter is replaced like any pending row.
                if (isEnabled(userId)) {
                    return false;
                }
                return replacePending(userId, enrolmentId, encrypted, now);
            }
        });
    }

    /** Deletes a pending row and inserts the new one; the insert fails on a confirmed row. */
    private boolean replacePending(UserId userId, UUID enrolmentId, String encrypted, Instant now) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM totp_enrolments WHERE user_id = :userId AND confirmed_at IS NULL")
                    .bind("userId", userId.value())
                    .execute();
            handle.createUpdate("""
                            INSERT INTO totp_enrolments (user_id, id, encrypted_secret, created_at)
                            VALUES (:userId, :id, :secret, :now)""")
                    .bind("userId", userId.value())
                    .bind("id", enrolmentId)
                    .bind("secret", encrypted)
                    .bind("now", now)
                    .execute();
        });
        return true;
    }

    @Override
    public Optional<TotpEnrolment> find(UserId userId) {
        return Storage.call(() -> jdbi.withHandle(handle -> handle
                .createQuery("""
                        SELECT id, encrypted_secret, confirmed_at, last_used_step
                          FROM totp_enrolments WHERE user_id = :userId""")
                .bind("userId", userId.value())
                .map((rs, ctx) -> {
                    boolean confirmed = rs.getObject("confirmed_at") != null;
                    long lastUsedStep = rs.getLong("last_used_step");
                    OptionalLong lastUsed = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(lastUsedStep);
                    return new TotpEnrolment(Rows.uuid(rs, "id"), userId,
                            cipher.decrypt(userId, rs.getString("encrypted_secret")), confirmed, lastUsed);
                })
                .findOne()));
    }

    @Override
    public boolean isEnabled(UserId userId) {
        return Storage.call(() -> jdbi.withHandle(handle -> handle
                .createQuery("SELECT COUNT(*) FROM totp_enrolments WHERE user_id = :userId AND confirmed_at IS NOT NULL")
                .bind("userId", userId.value())
                .mapTo(Integer.class)
                .one())) == 1;
    }

    @Override
    public boolean confirm(UserId userId, UUID enrolmentId, long timeStep, List<String> recoveryCodeHashes,
            Instant now) {
        return Storage.call(() -> jdbi.inTransaction(handle -> {
            int confirmed = handle.createUpdate("""
                            UPDATE totp_enrolments SET confirmed_at = :now, last_used_step = :step
                             WHERE user_id = :userId AND id = :id AND confirmed_at IS NULL""")
                    .bind("now", now)
                    .bind("step", timeStep)
                    .bind("userId", userId.value())
                    .bind("id", enrolmentId)
                    .execute();
            if (confirmed != 1) {
                return false;
            }
            deleteRecoveryCodes(handle, userId);
            PreparedBatch batch = handle.prepareBatch(
                    "INSERT INTO recovery_codes (user_id, code_hash) VALUES (:userId, :codeHash)");
            for (String hash : recoveryCodeHashes) {
                batch.bind("userId", userId.value()).bind("codeHash", hash).add();
            }
            batch.execute();
            return true;
        }));
    }

    @Override
    public boolean useTimeStep(UserId userId, long timeStep) {
        return Storage.call(() -> jdbi.withHandle(handle -> handle
                .createUpdate("""
                        UPDATE totp_enrolments SET last_used_step = :step
                         WHERE user_id = :userId AND confirmed_at IS NOT NULL
                           AND (last_used_step IS NULL OR last_used_step < :step)""")
                .bind("step", timeStep)
                .bind("userId", userId.value())
                .execute())) == 1;
    }

    @Override
    public boolean useRecoveryCode(UserId userId, String codeHash, Instant now) {
        return Storage.call(() -> jdbi.withHandle(handle -> handle
                .createUpdate("""
                        UPDATE recovery_codes SET used_at = :now
                         WHERE user_id = :userId AND code_hash = :codeHash AND used_at IS NULL""")
                .bind("now", now)
                .bind("userId", userId.value())
                .bind("codeHash", codeHash)
                .execute())) == 1;
    }

    @Override
    public boolean remove(UserId userId) {
        return Storage.call(() -> jdbi.inTransaction(handle -> {
            deleteRecoveryCodes(handle, userId);
            return handle.createUpdate("DELETE FROM totp_enrolments WHERE user_id = :userId")
                    .bind("userId", userId.value())
                    .execute() == 1;
        }));
    }

    private static void deleteRecoveryCodes(Handle handle, UserId userId) {
        handle.createUpdate("DELETE FROM recovery_codes WHERE user_id = :userId")
                .bind("userId", userId.value())
                .execute();
    }
}
