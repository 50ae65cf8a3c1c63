package id.anycheck.auth.persistence.password;

import id.anycheck.auth.domain.port.PasswordHasher;
import id.anycheck.auth.domain.user.Password;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator.BlockPool;

/**
 * Password hashing with Argon2id (Bouncy Castle), stored in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} so that the parameters travel with the
 * hash and can be raised later.
 *
 * <p>At most {@code maxConcurrentHashes} hashes run at once (by default one per core); further
 * callers wait their turn. Without this bound, many concurrent logins would each claim their
 * memory and threads and slow every one of them down together. Each of these slots keeps the
 * memory blocks of its last hash for the next one, up to the size that the current parameters
 * need (19 MiB by default). Reusing blocks instead of allocating 19 MiB per hash saves the
 * allocation and the garbage collection: on a 2-core machine, verifications rose from about
 * 82 to 99 per second (bench/HashRate.java, Bouncy Castle 1.87, JDK 17; see BENCHMARKS.md).
 * Thread-safe.
 */
public final class Argon2idPasswordHasher implements PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{22,172})");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final Argon2Parameters parameters;
    /** One block pool per hash that may run at once; taking one is the permit to hash. */
    private final BlockingQueue<BlockPool> blockPools;
    private final SecureRandom random;

    public Argon2idPasswordHasher(Argon2Parameters parameters, int maxConcurrentHashes, SecureRandom random) {
        if (maxConcurrentHashes < 1) {
            throw new IllegalArgumentException("maxConcurrentHashes must be at least 1");
        }
        this.parameters = parameters;
        this.blockPools = new ArrayBlockingQueue<>(maxConcurrentHashes, true);
        int blocksPerHash = Argon2BytesGenerator.getBlockCount(parameters.memoryKiB(), parameters.parallelism());
        for (int i = 0; i < maxConcurrentHashes; i++) {
            blockPools.add(new Argon2BytesGenerator.FixedBlockPool(blocksPerHash));
        }
        this.random = random;
    }

    @Override
    public String hash(Password password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = compute(password, salt, parameters, HASH_BYTES);
        return "$argon2id$v=19$m=" + parameters.memoryKiB() + ",t=" + parameters.iterations()
                + ",p=" + parameters.parallelism() + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    @Override
    public Verification verify(Password password, String storedHash) {
        Matcher phc = storedHash == null ? null : PHC.matcher(storedHash);
        if (phc == null || !phc.matches()) {
            return Verification.MISMATCH;
        }
        Argon2Parameters stored;
        try {
            stored = new Argon2Parameters(
                    Integer.parseInt(phc.group(1)), Integer.parseInt(phc.group(2)), Integer.parseInt(phc.group(3)));
        } catch (IllegalArgumentException outOfBounds) {
            return Verification.MISMATCH;
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = DECODER.decode(phc.group(4));
            expected = DECODER.decode(phc.group(5));
        } catch (IllegalArgumentException malformedBase64) {
            return Verification.MISMATCH;
        }

        byte[] actual = compute(password, salt, stored, expected.length);
        if (!MessageDigest.isEqual(actual, expected)) {
            return Verification.MISMATCH;
        }
        boolean current = stored.equals(parameters) && salt.length == SALT_BYTES && expected.length == HASH_BYTES;
        return current ? Verification.MATCH : Verification.MATCH_NEEDS_REHASH;
    }

    private byte[] compute(Password password, byte[] salt, Argon2Parameters cost, int length) {
        byte[] passwordBytes = password.utf8Bytes();
        byte[] out = new byte[length];
        BlockPool blockPool = takeBlockPool();
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                            org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                    .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(cost.memoryKiB())
                    .withIterations(cost.iterations())
                    .withParallelism(cost.parallelism())
                    .withSalt(salt)
                    .withBlockPool(blockPool)
                    .build());
            generator.generateBytes(passwordBytes, out);
            return out;
        } finally {
            blockPools.add(blockPool);
            Password.clear(passwordBytes);
        }
    }

    /** Waits for a free hashing slot; an interrupt is kept for the caller but does not abort the wait. */
    private BlockPool takeBlockPool() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return blockPools.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
