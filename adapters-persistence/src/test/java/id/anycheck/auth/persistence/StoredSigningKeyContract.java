package id.anycheck.auth.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.anycheck.auth.persistence.StoredSigningKey.Key;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.Test;

/** Contract of {@link StoredSigningKey}, run on each supported database by a subclass. */
abstract class StoredSigningKeyContract extends DatabaseContractBase {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final Key FIRST_KEY = new Key("key-first", "Zmlyc3Qtc2VjcmV0LWZpcnN0LXNlY3JldC0wMTIzNDU2");
    private static final Key SECOND_KEY = new Key("key-second", "c2Vjb25kLXNlY3JldC1zZWNvbmQtc2VjcmV0LTAxMjM0");
    private static final long WAIT_SECONDS = 30;

    private Jdbi jdbi;
    private StoredSigningKey store;

    @BeforeEach
    void emptyKeyTable() {
        jdbi = database().jdbi();
        store = new StoredSigningKey(jdbi);
        // Unlike the other tables, this one stores a single value that all tests share, so each test empties it.
        jdbi.useHandle(handle -> handle.execute("DELETE FROM signing_keys"));
    }

    @Test
    void loadOrCreateReturnsGeneratedKey() {
        assertThat(store.loadOrCreate(() -> FIRST_KEY, NOW)).isEqualTo(FIRST_KEY);
    }

    @Test
    void loadOrCreateStoresGeneratedKeyOnce() {
        store.loadOrCreate(() -> FIRST_KEY, NOW);

        int rows = jdbi.withHandle(handle -> handle
                .createQuery("SELECT COUNT(*) FROM signing_keys")
                .mapTo(Integer.class)
                .one());
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void loadOrCreateReturnsStoredKeyLater() {
        CountingGenerator generator = new CountingGenerator(FIRST_KEY);
        store.loadOrCreate(generator, NOW);

        Key loaded = new StoredSigningKey(jdbi).loadOrCreate(generator, NOW.plusSeconds(60));

        assertThat(loaded).isEqualTo(FIRST_KEY);
        assertThat(generator.calls()).isEqualTo(1);
    }

    @Test
    void loadOrCreateSkipsGeneratorWhenKeyStored() {
        store.loadOrCreate(() -> FIRST_KEY, NOW);
        CountingGenerator generator = new CountingGenerator(SECOND_KEY);

        store.loadOrCreate(generator, NOW.plusSeconds(60));

        assertThat(generator.calls()).isZero();
    }

    @Test
    void tableHoldsOneKey() {
        insertKey(FIRST_KEY, NOW);

        assertThatThrownBy(() -> insertKey(SECOND_KEY, NOW.plusSeconds(1))).isInstanceOf(JdbiException.class);
        assertThat(store.loadOrCreate(() -> new Key("unused", "dW51c2Vk"), NOW)).isEqualTo(FIRST_KEY);
    }

    /**
     * Two instances start together: instance A finds no key and is still generating one when
     * instance B stores its own key and returns it. A then stores a key with an earlier creation
     * time. Both instances keep the key they received for their lifetime, so they must receive
     * the same one.
     */
    @Test
    void racingInstancesReceiveSameKey() throws Exception {
        CountDownLatch generatorEntered = new CountDownLatch(1);
        CountDownLatch instanceBDone = new CountDownLatch(1);
        Supplier<Key> slowGenerator = () -> {
            generatorEntered.countDown();
            awaitOrFail(instanceBDone);
            return FIRST_KEY;
        };
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Key> instanceA = executor.submit(() -> new StoredSigningKey(jdbi).loadOrCreate(slowGenerator, NOW));
            awaitOrFail(generatorEntered);

            Key keyOfB = new StoredSigningKey(jdbi).loadOrCreate(() -> SECOND_KEY, NOW.plusSeconds(1));
            instanceBDone.countDown();
            Key keyOfA = instanceA.get(WAIT_SECONDS, TimeUnit.SECONDS);

            assertThat(keyOfA).isEqualTo(keyOfB);
        } finally {
            executor.shutdownNow();
            executor.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void keyToStringRedactsSecret() {
        assertThat(FIRST_KEY.toString()).doesNotContain(FIRST_KEY.base64Secret());
    }

    private void insertKey(Key key, Instant createdAt) {
        jdbi.useHandle(handle -> handle
                .createUpdate("INSERT INTO signing_keys (key_id, secret, created_at) VALUES (:keyId, :secret, :createdAt)")
                .bind("keyId", key.keyId())
                .bind("secret", key.base64Secret())
                .bind("createdAt", createdAt)
                .execute());
    }

    private static void awaitOrFail(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released within " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the other instance", e);
        }
    }

    /** A key generator that returns one fixed key and counts its calls. */
    private static final class CountingGenerator implements Supplier<Key> {

        private final Key key;
        private final AtomicInteger calls = new AtomicInteger();

        CountingGenerator(Key key) {
            this.key = key;
        }

        @Override
        public Key get() {
            calls.incrementAndGet();
            return key;
        }

        int calls() {
            return calls.get();
        }
    }
}
