package id.anycheck.auth.domain.lockout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Results of recording a login attempt in the failed-login counts. */
public final class AttemptOutcome {

    private AttemptOutcome() {
    }

    /** Result of reserving an attempt: it may go ahead, or a scope is locked for {@code retryAfter}. */
    public record Reservation(Optional<ThrottleScope> lockedScope, Duration retryAfter) {

        public Reservation {
            Objects.requireNonNull(lockedScope, "lockedScope");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        public static Reservation allowed() {
            return new Reservation(Optional.empty(), Duration.ZERO);
        }

        public static Reservation locked(ThrottleScope scope, Duration retryAfter) {
            return new Reservation(Optional.of(scope), retryAfter);
        }

        public boolean isAllowed() {
            return lockedScope.isEmpty();
        }
    }

    /** A lock that a failure set, with its end. */
    public record NewLock(ThrottleScope scope, Instant until) {
    }

    /** Locks set by one failure; usually none. */
    public record Failure(List<NewLock> newLocks) {

        public Failure {
            newLocks = List.copyOf(newLocks);
        }
    }
}
