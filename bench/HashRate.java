import id.anycheck.auth.domain.port.PasswordHasher.Verification;
import id.anycheck.auth.domain.user.Password;
import id.anycheck.auth.persistence.password.Argon2Parameters;
import id.anycheck.auth.persistence.password.Argon2idPasswordHasher;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures raw Argon2id verifications per second with the service's hasher and default
 * parameters: the ceiling that login throughput is compared with.
 *
 * <p>Usage: {@code java -cp anycheck-auth.jar:. HashRate THREADS SECONDS}
 */
public final class HashRate {

    public static void main(String[] arguments) throws Exception {
        int threads = Integer.parseInt(arguments[0]);
        long seconds = Long.parseLong(arguments[1]);
        int cores = Runtime.getRuntime().availableProcessors();
        var hasher = new Argon2idPasswordHasher(Argon2Parameters.OWASP, cores, new SecureRandom());
        String stored = hasher.hash(Password.presented("bench password 1"));
        for (int i = 0; i < 10; i++) {
            verify(hasher, stored);
        }

        AtomicLong verifications = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    verify(hasher, stored);
                    verifications.incrementAndGet();
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(seconds + 60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        System.out.printf("argon2id verifications/s with %d threads on %d cores: %.1f%n",
                threads, cores, verifications.get() / (double) seconds);
    }

    private static void verify(Argon2idPasswordHasher hasher, String stored) {
        if (hasher.verify(Password.presented("bench password 1"), stored) != Verification.MATCH) {
            throw new IllegalStateException("the benchmark password did not verify");
        }
    }
}
