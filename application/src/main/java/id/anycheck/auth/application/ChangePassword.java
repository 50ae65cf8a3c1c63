package id.anycheck.auth.application;

import id.anycheck.auth.application.protection.LoginLockout;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.AuthenticationFailure;
import id.anycheck.auth.domain.error.FieldProblem;
import id.anycheck.auth.domain.error.InvalidInputException;
import id.anycheck.auth.domain.lockout.LoginAttemptKeys;
import id.anycheck.auth.domain.port.PasswordHasher;
import id.anycheck.auth.domain.port.PasswordHasher.Verification;
import id.anycheck.auth.domain.port.SessionRepository;
import id.anycheck.auth.domain.port.UserRepository;
import id.anycheck.auth.domain.principal.UserPrincipal;
import id.anycheck.auth.domain.session.RevocationReason;
import id.anycheck.auth.domain.session.SessionId;
import id.anycheck.auth.domain.user.Password;
import id.anycheck.auth.domain.user.User;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Use case: a user changes their own password, proving the current one. Every other session of
 * the user ends, so a thief who knew the old password is logged out. The caller's session
 * keeps working. Thread-safe.
 */
public final class ChangePassword {

    private static final System.Logger LOG = System.getLogger(ChangePassword.class.getName());

    private final UserRepository users;
    private final SessionRepository sessions;
    private final ActiveSessionCache activeSessions;
    private final PasswordHasher passwordHasher;
    private final LoginLockout lockout;
    private final AuditTrail auditTrail;
    private final Clock clock;

    public ChangePassword(UserRepository users, SessionRepository sessions, ActiveSessionCache activeSessions,
            PasswordHasher passwordHasher, LoginLockout lockout, AuditTrail auditTrail, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.activeSessions = activeSessions;
        this.passwordHasher = passwordHasher;
        this.lockout = lockout;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /**
     * @throws InvalidInputException if the current password is empty or the new one breaks the
     *     password rules
     * @throws AuthenticationException INVALID_CREDENTIALS if the current password is wrong or
     *     the user has none, because they sign in through single sign-on
     * @throws id.anycheck.auth.domain.error.LoginLockedException if failed logins locked the
     *     user's email for this client, without checking the current password
     */
    public void change(UserPrincipal principal, Optional<String> clientIp, String currentPassword,
            String newPassword) {
        Password chosen = validate(currentPassword, newPassword);

        User user = users.findById(principal.userId()).orElseThrow(() -> new AuthenticationException(
                AuthenticationFailure.TOKEN_REVOKED, "user " + principal.userId() + " no longer exists"));

        if (user.passwordHash().isEmpty()) {
            throw new AuthenticationException(AuthenticationFailure.INVALID_CREDENTIALS,
                    "user " + user.id() + " has no password to change");
        }
        // A stolen access token must not open a way around the login lockout, so a wrong current
        // password counts as a failed login of the user's email from this client.
        RequestOrigin origin = new RequestOrigin(clientIp, Optional.empty());
        LoginAttemptKeys attempt = LoginLockout.keysOf(user.email(), origin);
        lockout.reserve(attempt);
        Verification verification = passwordHasher.verify(Password.presented(currentPassword),
                user.passwordHash().get());
        if (verification == Verification.MISMATCH) {
            LOG.log(Level.INFO, "Password change rejected for user {0}: wrong current password", user.id());
            lockout.failed(attempt, Optional.of(user), origin, "wrong_current_password");
            throw new AuthenticationException(AuthenticationFailure.INVALID_CREDENTIALS,
                    "wrong current password for user " + user.id());
        }
        lockout.succeeded(attempt);

        users.updatePasswordHash(user.id(), passwordHasher.hash(chosen));
        List<SessionId> ended = sessions.revokeAllOfExcept(user.id(), principal.sessionId(),
                RevocationReason.PASSWORD_CHANGED, clock.instant());
        ended.forEach(activeSessions::forget);

        auditTrail.record(AuditEventType.USER_PASSWORD_CHANGED, user.organizationId(),
                new Caller(Optional.of(principal), clientIp), user.id().toString(),
                Map.of("sessions_ended", Integer.toString(ended.size())));
        LOG.log(Level.INFO, "User {0} changed their password and ended {1} other sessions", user.id(), ended.size());
    }

    private static Password validate(String currentPassword, String newPassword) {
        List<FieldProblem> problems = new ArrayList<>();
        if (currentPassword == null) {
            problems.add(new FieldProblem("current_password", "is required"));
        } else if (currentPassword.isEmpty()) {
            problems.add(new FieldProblem("current_password", "must not be empty"));
        }
        Password chosen = null;
        try {
            chosen = Password.choose(newPassword);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("new_password", e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return chosen;
    }
}
