package id.anycheck.auth.domain.port;

import id.anycheck.auth.domain.lockout.AttemptOutcome.Failure;
import id.anycheck.auth.domain.lockout.AttemptOutcome.Reservation;
import id.anycheck.auth.domain.lockout.LockoutPolicy;
import id.anycheck.auth.domain.lockout.LoginAttemptKeys;
import java.time.Instant;

/**
 * Port: the failed-login counts. Each method changes the counts of one attempt atomically, also
 * across instances sharing the database, so concurrent attempts are counted exactly.
 * Implementations are thread-safe.
 */
public interface LoginAttempts {

    /**
     * Counts an attempt before its password is checked. When its client, its email or the pair is
     * locked or full, nothing changes, and the reservation names that scope and the wait.
     */
    Reservation reserve(LoginAttemptKeys keys, LockoutPolicy policy, Instant now);

    /** Records that a reserved attempt failed, locking each scope whose count is now full. */
    Failure fail(LoginAttemptKeys keys, LockoutPolicy policy, Instant now);

    /** Records that a reserved attempt had the right password: the pair's count and lock end. */
    void succeed(LoginAttemptKeys keys, Instant now);

    /**
     * Ends every count and lock of this email, from any client. Returns how many of them held
     * failures or a lock; the empty counts that successful logins leave are not counted.
     */
    int clear(String emailKey);

    /**
     * Deletes the counts that have no running lock and no failure since {@code idleSince}; they
     * would start from zero anyway. Returns how many were deleted.
     */
    int purgeIdle(Instant idleSince, Instant now);
}
