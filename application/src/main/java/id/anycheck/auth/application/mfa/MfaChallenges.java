package id.anycheck.auth.application.mfa;

import id.anycheck.auth.domain.error.MfaRequiredException;
import id.anycheck.auth.domain.mfa.MfaToken;
import id.anycheck.auth.domain.port.MfaChallengeRepository;
import id.anycheck.auth.domain.port.TotpRepository;
import id.anycheck.auth.domain.user.User;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;

/** Stops a login at the password when the user has MFA on, and hands out the MFA token. Thread-safe. */
public final class MfaChallenges {

    private static final System.Logger LOG = System.getLogger(MfaChallenges.class.getName());

    private final TotpRepository totp;
    private final MfaChallengeRepository challenges;
    private final SecureRandom random;
    private final Clock clock;

    public MfaChallenges(TotpRepository totp, MfaChallengeRepository challenges, SecureRandom random, Clock clock) {
        this.totp = totp;
        this.challenges = challenges;
        this.random = random;
        this.clock = clock;
    }

    /**
     * Returns normally if the user has MFA off. Otherwise stores a new challenge and throws.
     *
     * @throws MfaRequiredException carrying the MFA token, when the user has MFA on
     */
    public void requireSecondFactor(User user) {
        if (!totp.isEnabled(user.id())) {
            return;
        }

        Instant now = clock.instant();
        MfaToken token = MfaToken.generate(random);
        challenges.create(token.hash(), user.id(), now.plus(MfaToken.LIFETIME), now);

        LOG.log(Level.INFO, "Password of user {0} accepted, second factor required", user.id());
        throw new MfaRequiredException(token, "user " + user.id() + " has MFA on");
    }
}
