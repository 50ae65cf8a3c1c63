package id.anycheck.auth.application.fakes;

import id.anycheck.auth.domain.port.AccessSources;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** In-memory {@link AccessSources}. Thread-safe. */
public final class InMemoryAccessSources implements AccessSources {

    private final Map<String, Instant> lastSeen = new HashMap<>();

    @Override
    public synchronized int purgeUnseen(Instant seenBefore) {
        int before = lastSeen.size();
        lastSeen.values().removeIf(seen -> seen.isBefore(seenBefore));
        return before - lastSeen.size();
    }

    @Override
    public synchronized Sighting record(Subject subject, UUID subjectId, String sourceKey, Instant now,
            Duration remembered) {
        String prefix = subject + "|" + subjectId + "|";
        boolean seenBefore = lastSeen.keySet().stream().anyMatch(key -> key.startsWith(prefix));
        Instant previous = lastSeen.put(prefix + sourceKey, now);
        if (previous == null) {
            return seenBefore ? Sighting.NEW_SOURCE : Sighting.FIRST;
        }
        return previous.plus(remembered).isAfter(now) ? Sighting.KNOWN_SOURCE : Sighting.NEW_SOURCE;
    }
}
