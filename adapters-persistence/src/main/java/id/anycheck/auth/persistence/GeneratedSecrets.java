package id.anycheck.auth.persistence;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;

/**
 * Loads a secret that the service generates once and keeps in a one-row table. Of two
 * instances that start together on an empty table, one inserts its secret and the other fails
 * on the table's unique constraint and reads that secret back, so every instance uses the same.
 */
final class GeneratedSecrets {

    private GeneratedSecrets() {
    }

    /** Returns the stored secret, first inserting the one that {@code generator} makes if there is none. */
    static <T> T loadOrCreate(Supplier<Optional<T>> load, Supplier<T> generator, Consumer<T> insert) {
        return Storage.call(() -> {
            Optional<T> existing = load.get();
            if (existing.isPresent()) {
                return existing.get();
            }

            T generated = generator.get();
            try {
                insert.accept(generated);
                return generated;
            } catch (JdbiException e) {
                if (!UniqueViolation.causedBy(e)) {
                    throw e;
                }
                // Another instance stored its secret first, so this one uses that.
                return load.get().orElseThrow(() -> new IllegalStateException(
                        "the insert of a generated secret conflicted, but no stored secret was found", e));
            }
        });
    }
}
