package id.anycheck.auth.persistence;

import id.anycheck.auth.domain.port.AccessSources;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Persistence adapter: the sources users and API keys were seen from, one row per subject and
 * source. A known source is refreshed with one conditional UPDATE; a new one is inserted, and a
 * concurrent insert of the same source loses on the primary key and counts as known. Thread-safe.
 */
public final class JdbiAccessSources implements AccessSources {

    /**
     * Maximum age of {@code last_seen_at} before a sighting updates it. A source therefore
     * counts as known for up to this much longer than the remembered period.
     */
    private static final Duration REFRESH_INTERVAL = Duration.ofDays(1);

    private final Jdbi jdbi;

    public JdbiAccessSources(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public int purgeUnseen(Instant seenBefore) {
        return Storage.call(() -> jdbi.withHandle(handle -> handle
                .createUpdate("DELETE FROM access_sources WHERE last_seen_at < :seenBefore")
                .bind("seenBefore", seenBefore)
                .execute()));
    }

    @Override
    public Sighting record(Subject subject, UUID subjectId, String sourceKey, Instant now, Duration remembered) {
        String kind = subject.name().toLowerCase(Locale.ROOT);
        return Storage.call(() -> jdbi.withHandle(handle -> {
            Optional<Instant> lastSeen = handle.createQuery("""
                            SELECT last_seen_at FROM access_sources
                             WHERE subject_kind = :kind AND subject_id = :subjectId AND source_key = :sourceKey""")
                    .bind("kind", kind)
                    .bind("subjectId", subjectId)
                    .bind("sourceKey", sourceKey)
                    .map((rs, ctx) -> Rows.instant(rs, "last_seen_at"))
                    .findOne();

            if (lastSeen.isPresent() && lastSeen.get().plus(REFRESH_INTERVAL).isAfter(now)) {
                // Seen within the last day: known, and not worth a write on every login or key use.
                return Sighting.KNOWN_SOURCE;
            }
            if (lastSeen.isPresent()) {
                // Only the request that moves last_seen_at past the remembered period reports the source as new.
                int refreshedStale = handle.createUpdate("""
                                UPDATE access_sources SET last_seen_at = :now
                                 WHERE subject_kind = :kind AND subject_id = :subjectId AND source_key = :sourceKey
                                   AND last_seen_at = :lastSeen""")
                        .bind("kind", kind)
                        .bind("subjectId", subjectId)
                        .bind("sourceKey", sourceKey)
                        .bind("now", now)
                        .bind("lastSeen", lastSeen.get())
                        .execute();
                boolean stale = !lastSeen.get().plus(remembered).isAfter(now);
                return stale && refreshedStale == 1 ? Sighting.NEW_SOURCE : Sighting.KNOWN_SOURCE;
            }

            boolean seenBefore = handle.createQuery("""
                            SELECT 1 FROM access_sources WHERE subject_kind = :kind AND subject_id = :subjectId
                             FETCH FIRST 1 ROWS ONLY""")
                    .bind("kind", kind)
                    .bind("subjectId", subjectId)
                    .mapTo(Integer.class)
                    .findOne()
                    .isPresent();
            try {
                handle.createUpdate("""
                                INSERT INTO access_sources (subject_kind, subject_id, source_key, first_seen_at,
                                                            last_seen_at)
                                VALUES (:kind, :subjectId, :sourceKey, :now, :now)""")
                        .bind("kind", kind)
                        .bind("subjectId", subjectId)
                        .bind("sourceKey", sourceKey)
                        .bind("now", now)
                        .execute();
            } catch (JdbiException e) {
                if (UniqueViolation.causedBy(e)) {
                    return Sighting.KNOWN_SOURCE;
                }
                throw e;
            }
            return seenBefore ? Sighting.NEW_SOURCE : Sighting.FIRST;
        }));
    }
}
