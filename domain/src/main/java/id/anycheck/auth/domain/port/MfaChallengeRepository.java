package id.anycheck.auth.domain.port;

import id.anycheck.auth.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: the MFA tokens handed out by logins, stored by hash. Implementations make every method
 * atomic on its own and are thread-safe.
 */
public interface MfaChallengeRepository {

    void create(String tokenHash, UserId userId, Instant expiresAt, Instant now);

    /**
     * Counts one code attempt against the challenge, if and only if it is unspent, unexpired and
     * has had fewer than {@code maxAttempts}. A single conditional update, so concurrent
     * attempts never exceed the bound.
     *
     * @return the challenge's user if the attempt was counted, else empty
     */
    Optional<UserId> countAttempt(String tokenHash, int maxAttempts, Instant now);

    /** Spends the challenge; of several concurrent calls at most one returns true. */
    boolean spend(String tokenHash, Instant now);
}
