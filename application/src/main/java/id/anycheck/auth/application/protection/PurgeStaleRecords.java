package id.anycheck.auth.application.protection;

import id.anycheck.auth.domain.lockout.LockoutPolicy;
import id.anycheck.auth.domain.port.AccessSources;
import id.anycheck.auth.domain.port.LoginAttempts;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Use case: delete failed-login counts and access sources that no longer change any decision,
 * so that their tables stay the size of recent activity. Meant to run periodically. Thread-safe.
 */
public final class PurgeStaleRecords {

    private static final System.Logger LOG = System.getLogger(PurgeStaleRecords.class.getName());

    private final LoginAttempts loginAttempts;
    private final AccessSources accessSources;
    private final LockoutPolicy policy;
    private final Duration accessHistory;
    private final Clock clock;

    public PurgeStaleRecords(LoginAttempts loginAttempts, AccessSources accessSources, LockoutPolicy policy,
            Duration accessHistory, Clock clock) {
        this.loginAttempts = loginAttempts;
        this.accessSources = accessSources;
        this.policy = policy;
        this.accessHistory = accessHistory;
        this.clock = clock;
    }

    public void run() {
        Instant now = clock.instant();

        // A count idle for longer than both its window and the quiet period would start from zero
        // with the shortest back-off, exactly as a missing row does.
        Duration idle = policy.window().compareTo(policy.quietPeriod()) > 0 ? policy.window() : policy.quietPeriod();
        int counts = loginAttempts.purgeIdle(now.minus(idle), now);

        int sources = accessSources.purgeUnseen(now.minus(accessHistory));

        LOG.log(Level.INFO, "Deleted {0} idle failed-login counts and {1} access sources not seen for {2} days",
                counts, sources, accessHistory.toDays());
    }
}
