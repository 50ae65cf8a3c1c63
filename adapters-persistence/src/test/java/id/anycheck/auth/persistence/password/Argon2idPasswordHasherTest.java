package id.anycheck.auth.persistence.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.anycheck.auth.domain.port.PasswordHasher.Verification;
import id.anycheck.auth.domain.user.Password;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2idPasswordHasherTest {

    /** Low cost, so that the tests run fast. Production uses {@link Argon2Parameters#OWASP}. */
    private static final Argon2Parameters LOW_COST = new Argon2Parameters(64, 1, 1);

    /**
     * Argon2id version 0x13 known-answer vectors of the reference implementation's test suite
     * (phc-winner-argon2, src/test.c), as copied into the test suites of other Argon2
     * implementations: password "password", salt "somesalt", t=2, m=256 KiB, p=1 and p=2.
     */
    private static final String REFERENCE_ONE_LANE =
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";
    private static final String REFERENCE_TWO_LANES =
            "$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc";

    private static final String SALT_PATTERN = "[A-Za-z0-9+/]{22}";
    private static final String HASH_PATTERN = "[A-Za-z0-9+/]{43}";

    private final Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(LOW_COST, 2, new SecureRandom());

    @Test
    void hashHasPhcFormat() {
        String hash = hasher.hash(Password.choose("correct horse battery"));

        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$" + SALT_PATTERN + "\\$" + HASH_PATTERN);
    }

    @Test
    void hashWithOwaspParametersNamesThem() {
        var owaspHasher = new Argon2idPasswordHasher(Argon2Parameters.OWASP, 1, new SecureRandom());

        String hash = owaspHasher.hash(Password.choose("correct horse battery"));

        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$" + SALT_PATTERN + "\\$" + HASH_PATTERN);
    }

    @Test
    void hashEncodesSaltFromRandom() {
        var fixedSaltHasher = new Argon2idPasswordHasher(LOW_COST, 1, new FixedSaltRandom());

        String hash = fixedSaltHasher.hash(Password.choose("correct horse battery"));

        // Salt bytes 0x00 to 0x0f in unpadded standard Base64.
        assertThat(hash).contains("$AAECAwQFBgcICQoLDA0ODw$");
    }

    @Test
    void hashOfSamePasswordDiffers() {
        Password password = Password.choose("correct horse battery");

        assertThat(hasher.hash(password)).isNotEqualTo(hasher.hash(password));
    }

    @Test
    void verifyRightPasswordMatches() {
        String hash = hasher.hash(Password.choose("correct horse battery"));

        assertThat(hasher.verify(Password.presented("correct horse battery"), hash)).isEqualTo(Verification.MATCH);
    }

    @Test
    void verifyWrongPasswordMismatches() {
        String hash = hasher.hash(Password.choose("correct horse battery"));

        assertThat(hasher.verify(Password.presented("correct horse battery!"), hash))
                .isEqualTo(Verification.MISMATCH);
    }

    @Test
    void verifyOtherParametersNeedsRehash() {
        var olderHasher = new Argon2idPasswordHasher(new Argon2Parameters(32, 1, 1), 1, new SecureRandom());
        String olderHash = olderHasher.hash(Password.choose("correct horse battery"));

        assertThat(hasher.verify(Password.presented("correct horse battery"), olderHash))
                .isEqualTo(Verification.MATCH_NEEDS_REHASH);
    }

    @Test
    void verifyWrongPasswordWithOtherParametersMismatches() {
        var olderHasher = new Argon2idPasswordHasher(new Argon2Parameters(32, 1, 1), 1, new SecureRandom());
        String olderHash = olderHasher.hash(Password.choose("correct horse battery"));

        assertThat(hasher.verify(Password.presented("wrong horse battery"), olderHash))
                .isEqualTo(Verification.MISMATCH);
    }

    @Test
    void verifyFullWidthPasswordMatches() {
        String hash = hasher.hash(Password.choose("Passw0rd!"));

        // Full-width forms (Unicode block U+FF00 to U+FFEF), which NFKC maps to ASCII.
        assertThat(hasher.verify(Password.presented("Ｐａｓｓｗ０ｒｄ！"), hash)).isEqualTo(Verification.MATCH);
    }

    @Test
    void verifyDecomposedPasswordMatches() {
        String hash = hasher.hash(Password.choose("caf\u00e9 cr\u00e8me"));

        // Combining acute and grave accents after plain letters, which NFKC composes.
        assertThat(hasher.verify(Password.presented("cafe\u0301 cre\u0300me"), hash)).isEqualTo(Verification.MATCH);
    }

    @Test
    void verifyComposedPasswordMatchesDecomposedOne() {
        String hash = hasher.hash(Password.choose("cafe\u0301 cre\u0300me"));

        assertThat(hasher.verify(Password.presented("caf\u00e9 cr\u00e8me"), hash)).isEqualTo(Verification.MATCH);
    }

    /** The vector's 8-byte salt is shorter than the hasher's 16 bytes, so a match needs a rehash. */
    @Test
    void verifyReferenceVectorMatches() {
        var referenceHasher = new Argon2idPasswordHasher(new Argon2Parameters(256, 2, 1), 1, new SecureRandom());

        assertThat(referenceHasher.verify(Password.presented("password"), REFERENCE_ONE_LANE))
                .isEqualTo(Verification.MATCH_NEEDS_REHASH);
    }

    @Test
    void verifyTwoLaneReferenceVectorMatches() {
        var referenceHasher = new Argon2idPasswordHasher(new Argon2Parameters(256, 2, 2), 1, new SecureRandom());

        assertThat(referenceHasher.verify(Password.presented("password"), REFERENCE_TWO_LANES))
                .isEqualTo(Verification.MATCH_NEEDS_REHASH);
    }

    /** Memory blocks are reused from hash to hash, so earlier hashes must not change a later result. */
    @Test
    void reusedBlocksKeepReferenceVectorExact() {
        var referenceHasher = new Argon2idPasswordHasher(new Argon2Parameters(256, 2, 1), 1, new SecureRandom());
        for (int i = 0; i < 5; i++) {
            referenceHasher.hash(Password.presented("warm-up password " + i));
            referenceHasher.verify(Password.presented("password"), REFERENCE_TWO_LANES);
        }

        assertThat(referenceHasher.verify(Password.presented("password"), REFERENCE_ONE_LANE))
                .isEqualTo(Verification.MATCH_NEEDS_REHASH);
        assertThat(referenceHasher.verify(Password.presented("password"), REFERENCE_TWO_LANES))
                .isEqualTo(Verification.MATCH_NEEDS_REHASH);
    }

    @Test
    void verifyReferenceVectorRejectsOtherPassword() {
        assertThat(hasher.verify(Password.presented("differentpassword"), REFERENCE_ONE_LANE))
                .isEqualTo(Verification.MISMATCH);
    }

    @Test
    void verifyReferenceVectorWithFullWidthPasswordMatches() {
        assertThat(hasher.verify(Password.presented("ｐａｓｓｗｏｒｄ"), REFERENCE_ONE_LANE))
                .isEqualTo(Verification.MATCH_NEEDS_REHASH);
    }

    /**
     * Verified with "password", the password of the reference vectors, so that several of these
     * values differ from a matching hash only in their format.
     */
    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
        "",
        "password",
        "$argon2id$",
        // Other algorithms: the Argon2i reference vector, the Argon2id one relabeled Argon2d, and bcrypt.
        "$argon2i$v=19$m=256,t=2,p=1$c29tZXNhbHQ$iekCn0Y3spW+sCcFanM2xBT63UP2sghkUoHLIUpWRS8",
        "$argon2d$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
        // Argon2id version 0x10, and the format without a version field.
        "$argon2id$v=16$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        // Parameters out of order, or with a key-id field.
        "$argon2id$v=19$t=2,m=256,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=1,keyid=AAAA$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        // Surrounding white space, a trailing separator, padding and a URL-safe alphabet.
        " $argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4\n",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4$",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ=$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR_uIPnA4rEsF5h7TKyQwu9U1bMCHGi_4",
        // Salt of 4 bytes, below the 8 bytes that Argon2 requires, and a truncated hash.
        "$argon2id$v=19$m=256,t=2,p=1$c29tZQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR",
    })
    void verifyMalformedHashMismatches(String storedHash) {
        assertThat(hasher.verify(Password.presented("password"), storedHash)).isEqualTo(Verification.MISMATCH);
    }

    /** Values that no hash can have: Base64 text whose length leaves 1 character in the last group. */
    @ParameterizedTest
    @ValueSource(strings = {
        "$argon2id$v=19$m=64,t=1,p=1$AAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$argon2id$v=19$m=64,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    })
    void verifyImpossibleBase64LengthMismatches(String storedHash) {
        assertThat(hasher.verify(Password.presented("password"), storedHash)).isEqualTo(Verification.MISMATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "$argon2id$v=19$m=999999999,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=1000,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=1000$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=262145,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=0,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=0$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=0,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
    })
    void verifyParametersBeyondBoundsMismatch(String storedHash) {
        assertThat(hasher.verify(Password.presented("password"), storedHash)).isEqualTo(Verification.MISMATCH);
    }

    /**
     * A hash that is correct for the password but names cost parameters outside the bounds is a
     * MISMATCH. Only a bound check before hashing can give that result, so these cases show that
     * such a stored value is never hashed.
     */
    @ParameterizedTest
    @CsvSource({
        "64, 17, 1", // one iteration above the maximum
        "136, 1, 17", // one lane above the maximum, with 8 KiB per lane
        "8, 1, 2", // less memory than the 8 KiB per lane that Argon2 requires
    })
    void verifyCorrectHashBeyondBoundsMismatches(int memoryKiB, int iterations, int parallelism) {
        byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        String storedHash = referenceHash("password", salt, memoryKiB, iterations, parallelism);

        assertThat(hasher.verify(Password.presented("password"), storedHash)).isEqualTo(Verification.MISMATCH);
    }

    @Test
    void verifyIndependentlyComputedHashMatches() {
        byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        String storedHash = referenceHash("correct horse battery", salt, 64, 1, 1);

        assertThat(hasher.verify(Password.presented("correct horse battery"), storedHash))
                .isEqualTo(Verification.MATCH);
    }

    @Test
    void concurrentHashesAllVerify() throws Exception {
        int callers = 8;
        ExecutorService executor = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Verification>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String text = "concurrent password " + i;
                futures.add(executor.submit(() -> hasher.verify(Password.presented(text), hasher.hash(Password.choose(text)))));
            }
            for (Future<Verification> future : futures) {
                assertThat(future.get(30, TimeUnit.SECONDS)).isEqualTo(Verification.MATCH);
            }
        } finally {
            executor.shutdownNow();
            executor.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void constructorRejectsZeroConcurrentHashes() {
        assertThatThrownBy(() -> new Argon2idPasswordHasher(LOW_COST, 0, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passwordToStringIsRedacted() {
        assertThat(Password.presented("correct horse battery").toString()).doesNotContain("horse");
    }

    /**
     * Computes an Argon2id PHC string with Bouncy Castle directly, bypassing the hasher and its
     * parameter bounds.
     */
    private static String referenceHash(String password, byte[] salt, int memoryKiB, int iterations, int parallelism) {
        var parameters = new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        var generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] hash = new byte[32];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), hash);

        Base64.Encoder encoder = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism
                + "$" + encoder.encodeToString(salt) + "$" + encoder.encodeToString(hash);
    }

    /** A random source that fills every request with 0, 1, 2 and so on, for a predictable salt. */
    private static final class FixedSaltRandom extends SecureRandom {

        @Override
        public void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) i;
            }
        }
    }
}
