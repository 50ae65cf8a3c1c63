package id.anycheck.auth.application.fakes;

import id.anycheck.auth.domain.port.PasswordHasher;
import id.anycheck.auth.domain.user.Password;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cheap {@link PasswordHasher} that stores {@code fake$<cost>$<hex SHA-256 of the password>} and
 * counts its calls. Unlike a real hasher it uses no salt, so equal passwords hash alike, and the
 * cost is only a label that decides between MATCH and MATCH_NEEDS_REHASH. Thread-safe.
 */
public final class FakePasswordHasher implements PasswordHasher {

    public static final int DEFAULT_COST = 2;
    /** Maximum cost a stored hash may name. A higher cost is a MISMATCH, like out-of-bounds parameters. */
    public static final int MAX_COST = 31;

    private static final Pattern FORMAT = Pattern.compile("fake\\$(\\d{1,3})\\$([0-9a-f]{64})");

    private final AtomicInteger currentCost;
    private final AtomicInteger hashCalls = new AtomicInteger();
    private final AtomicInteger verifyCalls = new AtomicInteger();

    public FakePasswordHasher() {
        this(DEFAULT_COST);
    }

    public FakePasswordHasher(int cost) {
        this.currentCost = new AtomicInteger(requireValidCost(cost));
    }

    /**
     * Returns the hash that a hasher with this cost would store, without counting a call. Tests
     * use it to store users whose hash has an older cost.
     */
    public static String hashWithCost(Password password, int cost) {
        return "fake$" + requireValidCost(cost) + "$" + HexFormat.of().formatHex(sha256(password));
    }

    @Override
    public String hash(Password password) {
        hashCalls.incrementAndGet();
        return hashWithCost(password, currentCost.get());
    }

    /** Compares in constant time, like the real hasher. A matching hash of another cost is MATCH_NEEDS_REHASH. */
    @Override
    public Verification verify(Password password, String storedHash) {
        verifyCalls.incrementAndGet();
        byte[] actual = sha256(password);

        Matcher parsed = storedHash == null ? null : FORMAT.matcher(storedHash);
        if (parsed == null || !parsed.matches()) {
            return Verification.MISMATCH;
        }
        int storedCost = Integer.parseInt(parsed.group(1));
        if (storedCost < 1 || storedCost > MAX_COST) {
            return Verification.MISMATCH;
        }
        byte[] expected = HexFormat.of().parseHex(parsed.group(2));
        if (!MessageDigest.isEqual(actual, expected)) {
            return Verification.MISMATCH;
        }
        return storedCost == currentCost.get() ? Verification.MATCH : Verification.MATCH_NEEDS_REHASH;
    }

    public int cost() {
        return currentCost.get();
    }

    /** Changes the cost of new hashes, as raising the hashing parameters in production would. */
    public void setCost(int cost) {
        currentCost.set(requireValidCost(cost));
    }

    /** Returns how many times {@link #hash} ran since creation or the last {@link #resetCounts}. */
    public int hashCount() {
        return hashCalls.get();
    }

    /** Returns how many times {@link #verify} ran since creation or the last {@link #resetCounts}. */
    public int verifyCount() {
        return verifyCalls.get();
    }

    public void resetCounts() {
        hashCalls.set(0);
        verifyCalls.set(0);
    }

    private static int requireValidCost(int cost) {
        if (cost < 1 || cost > MAX_COST) {
            throw new IllegalArgumentException("cost must be 1 to " + MAX_COST + ", got " + cost);
        }
        return cost;
    }

    private static byte[] sha256(Password password) {
        byte[] bytes = password.utf8Bytes();
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        } finally {
            Password.clear(bytes);
        }
    }
}
