package id.anycheck.auth.application;

import id.anycheck.auth.application.mfa.MfaChallenges;
import id.anycheck.auth.application.protection.LoginLockout;
import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.AuthenticationFailure;
import id.anycheck.auth.domain.lockout.LoginAttemptKeys;
import id.anycheck.auth.domain.port.OrganizationRepository;
import id.anycheck.auth.domain.port.PasswordHasher;
import id.anycheck.auth.domain.port.PasswordHasher.Verification;
import id.anycheck.auth.domain.port.UserRepository;
import id.anycheck.auth.domain.user.Password;
import id.anycheck.auth.domain.user.User;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Use case: log in with email and password, starting a new session.
 *
 * <p>Every rejection is the same INVALID_CREDENTIALS and costs one password hash, whether the
 * email is unknown, the account has no password, is inactive, or the password is wrong, so that
 * neither the response nor its timing reveals which emails are registered. Each attempt is
 * counted by the lockout before its password is checked, for known and unknown emails alike.
 * Thread-safe.
 *
 * <p>NOTE: the dummy hash uses the current parameters. After they are raised, a password
 * still stored with the old ones costs a different time until its owner logs in again and
 * the hash is replaced, so timing can tell such accounts from unknown emails meanwhile.
 */
public final class LogIn {

    private static final System.Logger LOG = System.getLogger(LogIn.class.getName());

    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final PasswordHasher passwordHasher;
    private final LoginLockout lockout;
    private final StartSession startSession;
    private final MfaChallenges mfaChallenges;
    private final String dummyHash;

    public LogIn(
            UserRepository users,
            OrganizationRepository organizations,
            PasswordHasher passwordHasher,
            LoginLockout lockout,
            StartSession startSession,
            MfaChallenges mfaChallenges) {
        this.users = users;
        this.organizations = organizations;
        this.passwordHasher = passwordHasher;
        this.lockout = lockout;
        this.startSession = startSession;
        this.mfaChallenges = mfaChallenges;
        this.dummyHash = passwordHasher.hash(Password.presented("dummy password compared for unknown emails"));
    }

    public Authentication logIn(LogInCommand command) {
        LoginAttemptKeys attempt = LoginLockout.keysOf(command.email(), command.origin());
        lockout.reserve(attempt);

        Optional<User> found = users.findByEmail(command.email());
        String storedHash = found.flatMap(User::passwordHash).orElse(dummyHash);
        Verification verification = passwordHasher.verify(command.password(), storedHash);
        boolean passwordMatches = found.flatMap(User::passwordHash).isPresent()
                && verification != Verification.MISMATCH;

        if (found.isEmpty()) {
            LOG.log(Level.INFO, "Login rejected: no user has this email");
            lockout.failed(attempt, found, command.origin(), "unknown_email");
            throw invalidCredentials("unknown email");
        }
        User user = found.get();
        if (!passwordMatches) {
            LOG.log(Level.INFO, "Login rejected for user {0}: wrong password or no password set", user.id());
            lockout.failed(attempt, found, command.origin(),
                    user.passwordHash().isPresent() ? "wrong_password" : "no_password");
            throw invalidCredentials("wrong password or no password set");
        }
        if (!AccountStanding.canLogIn(user, organizations)) {
            // Counted like a wrong password, so that locks behave the same for every rejection.
            LOG.log(Level.INFO, "Login rejected for user {0}: the user or its organization is inactive", user.id());
            lockout.failed(attempt, found, command.origin(), "inactive");
            throw invalidCredentials("user " + user.id() + " or its organization is inactive");
        }
        lockout.succeeded(attempt);

        if (verification == Verification.MATCH_NEEDS_REHASH) {
            users.updatePasswordHash(user.id(), passwordHasher.hash(command.password()));
            LOG.log(Level.INFO, "Rehashed the password of user {0} with the current parameters", user.id());
        }

        mfaChallenges.requireSecondFactor(user);

        return startSession.start(user, "password", command.origin());
    }

    private static AuthenticationException invalidCredentials(String detail) {
        return new AuthenticationException(AuthenticationFailure.INVALID_CREDENTIALS, detail);
    }
}
