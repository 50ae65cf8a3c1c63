package id.anycheck.auth.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link StoredMfaEncryptionKey}, run on each supported database by a subclass. */
abstract class StoredMfaEncryptionKeyContract extends DatabaseContractBase {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final String FIRST_KEY = "Zmlyc3Qta2V5LWZpcnN0LWtleS1maXJzdC1rZXktMDE=";
    private static final String SECOND_KEY = "c2Vjb25kLWtleS1zZWNvbmQta2V5LXNlY29uZC1rZXk=";

    private Jdbi jdbi;
    private StoredMfaEncryptionKey store;

    @BeforeEach
    void emptyKeyTable() {
        jdbi = database().jdbi();
        store = new StoredMfaEncryptionKey(jdbi);
        // The table stores a single value that all tests share, so each test empties it.
        jdbi.useHandle(handle -> handle.execute("DELETE FROM mfa_encryption_keys"));
    }

    @Test
    void firstLoadStoresGeneratedKey() {
        assertThat(store.loadOrCreate(() -> FIRST_KEY, NOW)).isEqualTo(FIRST_KEY);
    }

    @Test
    void laterLoadsReturnStoredKey() {
        store.loadOrCreate(() -> FIRST_KEY, NOW);
        AtomicInteger generated = new AtomicInteger();

        String loaded = new StoredMfaEncryptionKey(jdbi).loadOrCreate(() -> {
            generated.incrementAndGet();
            return SECOND_KEY;
        }, NOW);

        assertThat(loaded).isEqualTo(FIRST_KEY);
        assertThat(generated).hasValue(0);
    }

    @Test
    void concurrentFirstLoadsAgreeOnOneKey() throws Exception {
        List<Callable<String>> calls = List.of(
                () -> new StoredMfaEncryptionKey(jdbi).loadOrCreate(() -> FIRST_KEY, NOW),
                () -> new StoredMfaEncryptionKey(jdbi).loadOrCreate(() -> SECOND_KEY, NOW),
                () -> new StoredMfaEncryptionKey(jdbi).loadOrCreate(() -> FIRST_KEY, NOW),
                () -> new StoredMfaEncryptionKey(jdbi).loadOrCreate(() -> SECOND_KEY, NOW));

        List<String> keys = Concurrently.run(calls);

        assertThat(keys).containsOnly(keys.get(0));
        int rows = jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM mfa_encryption_keys")
                .mapTo(Integer.class)
                .one());
        assertThat(rows).isEqualTo(1);
    }
}
