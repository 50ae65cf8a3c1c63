package id.anycheck.auth.domain.port;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Port: where each user logged in from (client address and user agent) and which networks each
 * API key was used from, to notice unusual access. Sources are digests, never the raw values.
 * Implementations are thread-safe.
 */
public interface AccessSources {

    /** Whose sources are kept. */
    enum Subject {
        USER,
        API_KEY
    }

    /** Result of comparing a sighting with the earlier ones. */
    enum Sighting {
        /** The subject was never seen anywhere before, so nothing is unusual yet. */
        FIRST,
        /** The subject was seen before, but not from this source within the remembered period. */
        NEW_SOURCE,
        /** This source was seen within the remembered period. */
        KNOWN_SOURCE
    }

    /**
     * Notes that the subject was seen from the source now, and returns how that compares with
     * the sightings of the last {@code remembered} period. Of concurrent first sightings of one
     * source, at most one returns {@link Sighting#NEW_SOURCE} or {@link Sighting#FIRST}.
     */
    Sighting record(Subject subject, UUID subjectId, String sourceKey, Instant now, Duration remembered);

    /** Deletes the sources last seen before {@code seenBefore}; returns how many were deleted. */
    int purgeUnseen(Instant seenBefore);
}
