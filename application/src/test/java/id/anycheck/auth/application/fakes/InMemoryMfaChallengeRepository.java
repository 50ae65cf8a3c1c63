package id.anycheck.auth.application.fakes;

import id.anycheck.auth.domain.port.MfaChallengeRepository;
import id.anycheck.auth.domain.user.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** In-memory {@link MfaChallengeRepository}. Every method holds this object's lock. Thread-safe. */
public final class InMemoryMfaChallengeRepository implements MfaChallengeRepository {

    private static final class Challenge {
        private final UserId userId;
        private final Instant expiresAt;
        private int attempts;
        private boolean spent;

        private Challenge(UserId userId, Instant expiresAt) {
            this.userId = userId;
            this.expiresAt = expiresAt;
        }
    }

    private final Map<String, Challenge> challenges = new HashMap<>();

    @Override
    public synchronized void create(String tokenHash, UserId userId, Instant expiresAt, Instant now) {
        challenges.put(tokenHash, new Challenge(userId, expiresAt));
    }

    @Override
    public synchronized Optional<UserId> countAttempt(String tokenHash, int maxAttempts, Instant now) {
        Challenge challenge = challenges.get(tokenHash);
        if (challenge == null || challenge.spent || !challenge.expiresAt.isAfter(now)
                || challenge.attempts >= maxAttempts) {
            return Optional.empty();
        }
        challenge.attempts++;
        return Optional.of(challenge.userId);
    }

    @Override
    public synchronized boolean spend(String tokenHash, Instant now) {
        Challenge challenge = challenges.get(tokenHash);
        if (challenge == null || challenge.spent) {
            return false;
        }
        challenge.spent = true;
        return true;
    }
}
