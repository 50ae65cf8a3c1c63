package id.anycheck.auth.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.anycheck.auth.domain.mfa.TotpEnrolment;
import id.anycheck.auth.domain.mfa.TotpSecret;
import id.anycheck.auth.domain.port.TotpRepository;
import id.anycheck.auth.domain.user.User;
import id.anycheck.auth.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link JdbiTotpRepository}, run on each supported database by a subclass. */
abstract class TotpRepositoryContract extends DatabaseContractBase {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final long STEP = 59_000_000L;
    private static final int CONCURRENT_CALLERS = 10;

    private Jdbi jdbi;
    private TotpRepository totp;
    private UserId userId;

    @BeforeEach
    void storeUser() {
        jdbi = database().jdbi();
        totp = new JdbiTotpRepository(jdbi, cipher(RANDOM));
        User user = Fixtures.storeOrganizationWithAdmin(jdbi);
        userId = user.id();
    }

    private static TotpSecretCipher cipher(SecureRandom random) {
        byte[] key = new byte[TotpSecretCipher.KEY_BYTES];
        random.nextBytes(key);
        return new TotpSecretCipher(key, random);
    }

    @Test
    void pendingEnrolmentIsFoundButNotEnabled() {
        TotpSecret secret = TotpSecret.generate(RANDOM);
        UUID enrolmentId = UUID.randomUUID();

        assertThat(totp.savePending(userId, enrolmentId, secret, NOW)).isTrue();

        TotpEnrolment found = totp.find(userId).orElseThrow();
        assertThat(found.id()).isEqualTo(enrolmentId);
        assertThat(found.secret()).isEqualTo(secret);
        assertThat(found.confirmed()).isFalse();
        assertThat(found.lastUsedStep()).isEqualTo(OptionalLong.empty());
        assertThat(totp.isEnabled(userId)).isFalse();
    }

    @Test
    void secretIsStoredEncrypted() {
        TotpSecret secret = TotpSecret.generate(RANDOM);
        totp.savePending(userId, UUID.randomUUID(), secret, NOW);

        String stored = jdbi.withHandle(handle -> handle
                .createQuery("SELECT encrypted_secret FROM totp_enrolments WHERE user_id = :id")
                .bind("id", userId.value())
                .mapTo(String.class)
                .one());

        assertThat(stored).startsWith("v1.");
        assertThat(stored).doesNotContain(Base64.getEncoder().encodeToString(secret.bytes()));
    }

    @Test
    void otherKeyCannotDecryptSecret() {
        totp.savePending(userId, UUID.randomUUID(), TotpSecret.generate(RANDOM), NOW);
        TotpRepository otherKey = new JdbiTotpRepository(jdbi, cipher(RANDOM));

        assertThatThrownBy(() -> otherKey.find(userId))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ANYCHECK_MFA_ENCRYPTION_KEY");
    }

    @Test
    void secondPendingEnrolmentReplacesFirst() {
        totp.savePending(userId, UUID.randomUUID(), TotpSecret.generate(RANDOM), NOW);
        TotpSecret second = TotpSecret.generate(RANDOM);
        UUID secondId = UUID.randomUUID();

        assertThat(totp.savePending(userId, secondId, second, NOW)).isTrue();

        assertThat(totp.find(userId).orElseThrow().id()).isEqualTo(secondId);
        assertThat(totp.find(userId).orElseThrow().secret()).isEqualTo(second);
    }

    @Test
    void confirmTurnsMfaOn() {
        UUID enrolmentId = enrolPending();

        assertThat(totp.confirm(userId, enrolmentId, STEP, hashes(10), NOW)).isTrue();

        assertThat(totp.isEnabled(userId)).isTrue();
        TotpEnrolment found = totp.find(userId).orElseThrow();
        assertThat(found.confirmed()).isTrue();
        assertThat(found.lastUsedStep()).isEqualTo(OptionalLong.of(STEP));
        assertThat(Fixtures.count(jdbi, "SELECT COUNT(*) FROM recovery_codes WHERE user_id = :id", userId.value()))
                .isEqualTo(10);
    }

    @Test
    void confirmOfReplacedEnrolmentFails() {
        UUID first = enrolPending();
        enrolPending();

        assertThat(totp.confirm(userId, first, STEP, hashes(10), NOW)).isFalse();
        assertThat(totp.isEnabled(userId)).isFalse();
    }

    @Test
    void confirmWorksOnce() {
        UUID enrolmentId = enrolPending();
        totp.confirm(userId, enrolmentId, STEP, hashes(10), NOW);

        assertThat(totp.confirm(userId, enrolmentId, STEP + 1, hashes(10), NOW)).isFalse();
        assertThat(totp.find(userId).orElseThrow().lastUsedStep()).isEqualTo(OptionalLong.of(STEP));
    }

    @Test
    void enrolmentAfterConfirmationIsRejected() {
        confirmEnrolment();
        TotpSecret kept = totp.find(userId).orElseThrow().secret();

        assertThat(totp.savePending(userId, UUID.randomUUID(), TotpSecret.generate(RANDOM), NOW)).isFalse();

        assertThat(totp.find(userId).orElseThrow().secret()).isEqualTo(kept);
        assertThat(totp.isEnabled(userId)).isTrue();
    }

    @Test
    void timeStepIsAcceptedOnlyWhenLater() {
        confirmEnrolment();

        assertThat(totp.useTimeStep(userId, STEP)).isFalse();
        assertThat(totp.useTimeStep(userId, STEP - 1)).isFalse();
        assertThat(totp.useTimeStep(userId, STEP + 1)).isTrue();
        assertThat(totp.useTimeStep(userId, STEP + 1)).isFalse();
        assertThat(totp.find(userId).orElseThrow().lastUsedStep()).isEqualTo(OptionalLong.of(STEP + 1));
    }

    @Test
    void timeStepOfPendingEnrolmentIsRejected() {
        enrolPending();

        assertThat(totp.useTimeStep(userId, STEP)).isFalse();
    }

    @Test
    void concurrentUsesOfOneStepSucceedOnce() throws Exception {
        confirmEnrolment();
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_CALLERS; i++) {
            calls.add(() -> totp.useTimeStep(userId, STEP + 1));
        }

        List<Boolean> results = Concurrently.run(calls);

        assertThat(results).filteredOn(Boolean::booleanValue).hasSize(1);
    }

    @Test
    void recoveryCodeWorksOnce() {
        List<String> codes = confirmEnrolment();

        assertThat(totp.useRecoveryCode(userId, codes.get(3), NOW)).isTrue();
        assertThat(totp.useRecoveryCode(userId, codes.get(3), NOW)).isFalse();
        assertThat(totp.useRecoveryCode(userId, codes.get(4), NOW)).isTrue();
    }

    @Test
    void unknownRecoveryCodeIsRejected() {
        confirmEnrolment();

        assertThat(totp.useRecoveryCode(userId, "0".repeat(64), NOW)).isFalse();
    }

    @Test
    void concurrentUsesOfOneRecoveryCodeSucceedOnce() throws Exception {
        String code = confirmEnrolment().get(0);
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_CALLERS; i++) {
            calls.add(() -> totp.useRecoveryCode(userId, code, NOW));
        }

        List<Boolean> results = Concurrently.run(calls);

        assertThat(results).filteredOn(Boolean::booleanValue).hasSize(1);
    }

    @Test
    void removeDeletesEnrolmentAndRecoveryCodes() {
        List<String> codes = confirmEnrolment();

        assertThat(totp.remove(userId)).isTrue();

        assertThat(totp.find(userId)).isEmpty();
        assertThat(totp.isEnabled(userId)).isFalse();
        assertThat(totp.useRecoveryCode(userId, codes.get(0), NOW)).isFalse();
        assertThat(totp.remove(userId)).isFalse();
    }

    @Test
    void reconfirmationReplacesRecoveryCodes() {
        List<String> oldCodes = confirmEnrolment();
        totp.remove(userId);
        List<String> newCodes = confirmEnrolment();

        assertThat(totp.useRecoveryCode(userId, oldCodes.get(0), NOW)).isFalse();
        assertThat(totp.useRecoveryCode(userId, newCodes.get(0), NOW)).isTrue();
    }

    private UUID enrolPending() {
        UUID enrolmentId = UUID.randomUUID();
        totp.savePending(userId, enrolmentId, TotpSecret.generate(RANDOM), NOW);
        return enrolmentId;
    }

    /** Enrols and confirms at {@link #STEP}, and returns the stored recovery code hashes. */
    private List<String> confirmEnrolment() {
        List<String> codes = hashes(10);
        assertThat(totp.confirm(userId, enrolPending(), STEP, codes, NOW)).isTrue();
        return codes;
    }

    private static List<String> hashes(int count) {
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            hashes.add(java.util.HexFormat.of().formatHex(bytes));
        }
        return hashes;
    }
}
