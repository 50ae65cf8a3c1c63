package id.anycheck.auth.application.protection;

import static org.assertj.core.api.Assertions.assertThat;

import id.anycheck.auth.application.LogInCommand;
import id.anycheck.auth.application.RequestOrigin;
import id.anycheck.auth.application.fakes.InMemoryAccessSources;
import id.anycheck.auth.application.fakes.InMemoryPorts;
import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.lockout.LockoutPolicy;
import id.anycheck.auth.domain.lockout.LoginAttemptKeys;
import id.anycheck.auth.domain.port.AccessSources;
import id.anycheck.auth.domain.user.EmailAddress;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PurgeStaleRecordsTest {

    private static final RequestOrigin OFFICE = RequestOrigin.of("198.51.100.7", "Firefox");

    private final InMemoryPorts ports = new InMemoryPorts();
    private final InMemoryAccessSources sources = new InMemoryAccessSources();
    private final PurgeStaleRecords purge = new PurgeStaleRecords(ports.loginAttempts(), sources,
            LockoutPolicy.DEFAULT, Duration.ofDays(90), ports.clock());

    @Test
    void idleCountsAreDeleted() {
        fail("nobody@example.com");
        LoginAttemptKeys keys = LoginLockout.keysOf(EmailAddress.parse("nobody@example.com"), OFFICE);
        ports.clock().advance(Duration.ofHours(24).plusSeconds(1));

        purge.run();

        assertThat(ports.loginAttempts().clear(keys.email())).isZero();
    }

    @Test
    void recentCountsAreKept() {
        fail("nobody@example.com");
        LoginAttemptKeys keys = LoginLockout.keysOf(EmailAddress.parse("nobody@example.com"), OFFICE);
        ports.clock().advance(Duration.ofHours(23));

        purge.run();

        assertThat(ports.loginAttempts().clear(keys.email())).isEqualTo(2);
    }

    @Test
    void sourcesUnseenForPeriodAreDeleted() {
        UUID user = UUID.randomUUID();
        sources.record(AccessSources.Subject.USER, user, "laptop", ports.clock().instant(), Duration.ofDays(90));
        ports.clock().advance(Duration.ofDays(91));

        purge.run();

        assertThat(sources.record(AccessSources.Subject.USER, user, "phone", ports.clock().instant(),
                Duration.ofDays(90))).isEqualTo(AccessSources.Sighting.FIRST);
    }

    private void fail(String email) {
        try {
            ports.logIn().logIn(LogInCommand.of(email, "wrong password", OFFICE));
        } catch (AuthenticationException expected) {
            // counted
        }
    }
}
