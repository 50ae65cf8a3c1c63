package id.anycheck.auth.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import id.anycheck.auth.domain.port.AccessSources;
import id.anycheck.auth.domain.port.AccessSources.Sighting;
import id.anycheck.auth.domain.port.AccessSources.Subject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link JdbiAccessSources}, run on each supported database by a subclass. */
abstract class AccessSourcesContract extends DatabaseContractBase {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration REMEMBERED = Duration.ofDays(90);

    private AccessSources sources;

    @BeforeEach
    void createAdapter() {
        sources = new JdbiAccessSources(database().jdbi());
    }

    @Test
    void firstSightingIsFirst() {
        assertThat(sources.record(Subject.USER, UUID.randomUUID(), "laptop", NOW, REMEMBERED)).isEqualTo(Sighting.FIRST);
    }

    @Test
    void sameSourceIsKnown() {
        UUID user = UUID.randomUUID();
        sources.record(Subject.USER, user, "laptop", NOW, REMEMBERED);

        assertThat(sources.record(Subject.USER, user, "laptop", NOW.plus(Duration.ofDays(89)), REMEMBERED))
                .isEqualTo(Sighting.KNOWN_SOURCE);
    }

    @Test
    void otherSourceIsNew() {
        UUID user = UUID.randomUUID();
        sources.record(Subject.USER, user, "laptop", NOW, REMEMBERED);

        assertThat(sources.record(Subject.USER, user, "phone", NOW, REMEMBERED)).isEqualTo(Sighting.NEW_SOURCE);
    }

    @Test
    void sourceUnseenForPeriodIsNewAgain() {
        UUID user = UUID.randomUUID();
        sources.record(Subject.USER, user, "laptop", NOW, REMEMBERED);
        sources.record(Subject.USER, user, "phone", NOW, REMEMBERED);

        assertThat(sources.record(Subject.USER, user, "laptop", NOW.plus(REMEMBERED), REMEMBERED))
                .isEqualTo(Sighting.NEW_SOURCE);
        assertThat(sources.record(Subject.USER, user, "laptop", NOW.plus(REMEMBERED), REMEMBERED))
                .isEqualTo(Sighting.KNOWN_SOURCE);
    }

    @Test
    void subjectsAreSeparate() {
        UUID id = UUID.randomUUID();
        sources.record(Subject.USER, id, "laptop", NOW, REMEMBERED);

        assertThat(sources.record(Subject.API_KEY, id, "laptop", NOW, REMEMBERED)).isEqualTo(Sighting.FIRST);
    }

    @Test
    void purgeDeletesOnlyUnseenSources() {
        UUID user = UUID.randomUUID();
        sources.record(Subject.USER, user, "laptop", NOW, REMEMBERED);
        sources.record(Subject.USER, user, "phone", NOW.plus(Duration.ofDays(10)), REMEMBERED);

        sources.purgeUnseen(NOW.plus(Duration.ofDays(5)));

        assertThat(sources.record(Subject.USER, user, "phone", NOW.plus(Duration.ofDays(11)), REMEMBERED))
                .isEqualTo(Sighting.KNOWN_SOURCE);
        assertThat(sources.record(Subject.USER, user, "laptop", NOW.plus(Duration.ofDays(11)), REMEMBERED))
                .isEqualTo(Sighting.NEW_SOURCE);
    }

    @Test
    void parallelNewSourceReportedOnce() throws Exception {
        UUID user = UUID.randomUUID();
        sources.record(Subject.USER, user, "laptop", NOW, REMEMBERED);
        List<Callable<Sighting>> sightings = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sightings.add(() -> sources.record(Subject.USER, user, "phone", NOW, REMEMBERED));
        }

        List<Sighting> results = Concurrently.run(sightings);

        assertThat(results).filteredOn(sighting -> sighting == Sighting.NEW_SOURCE).hasSize(1);
    }
}
