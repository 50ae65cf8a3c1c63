package id.anycheck.auth.application.protection;

import id.anycheck.auth.application.AuditTrail;
import id.anycheck.auth.application.RequestOrigin;
import id.anycheck.auth.domain.Digests;
import id.anycheck.auth.domain.audit.AuditActor;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.error.LoginLockedException;
import id.anycheck.auth.domain.lockout.AttemptOutcome.Failure;
import id.anycheck.auth.domain.lockout.AttemptOutcome.NewLock;
import id.anycheck.auth.domain.lockout.AttemptOutcome.Reservation;
import id.anycheck.auth.domain.lockout.LockoutPolicy;
import id.anycheck.auth.domain.lockout.LoginAttemptKeys;
import id.anycheck.auth.domain.lockout.ThrottleScope;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.port.LoginAttempts;
import id.anycheck.auth.domain.user.EmailAddress;
import id.anycheck.auth.domain.user.User;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed-login tracking: counts each login attempt before its password is checked, refuses
 * attempts of a locked email or client, and locks them when failures pile up. The same counts
 * are kept for emails without an account, so a lock reveals nothing about which emails are
 * registered. Thread-safe.
 */
public final class LoginLockout {

    private static final System.Logger LOG = System.getLogger(LoginLockout.class.getName());

    /** The wait a reservation reports for a count filled by attempts still being checked. */
    private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(1);
    private static final Duration IN_FLIGHT_POLL = Duration.ofMillis(50);
    /** Maximum time a login waits for attempts in flight before it is refused with Retry-After. */
    private static final Duration MAX_IN_FLIGHT_WAIT = Duration.ofSeconds(2);

    private final LoginAttempts attempts;
    private final LockoutPolicy policy;
    private final AuditTrail auditTrail;
    private final Clock clock;

    public LoginLockout(LoginAttempts attempts, LockoutPolicy policy, AuditTrail auditTrail, Clock clock) {
        this.attempts = attempts;
        this.policy = policy;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** Returns the keys of the counts an attempt at this email from this origin touches. */
    public static LoginAttemptKeys keysOf(EmailAddress email, RequestOrigin origin) {
        String emailKey = emailKeyOf(email);
        String network = ClientNetworks.forLockout(origin.clientIp());
        return new LoginAttemptKeys(emailKey, Digests.sha256Hex(email.lookupKey() + "|" + network),
                Digests.sha256Hex(network));
    }

    static String emailKeyOf(EmailAddress email) {
        return Digests.sha256Hex(email.lookupKey());
    }

    /**
     * Counts an attempt whose password is about to be checked.
     *
     * @throws LoginLockedException if its email or client is locked, without counting it
     */
    public void reserve(LoginAttemptKeys keys) {
        Reservation reservation = attempts.reserve(keys, policy, clock.instant());

        // A count filled by attempts still being checked frees up within a hash time when they
        // succeed, or turns into a lock when they fail. So a caller waits briefly rather than
        // being refused at once, which keeps concurrent logins of one account working.
        long waitedMillis = 0;
        while (!reservation.isAllowed() && reservation.retryAfter().compareTo(IN_FLIGHT_WAIT) <= 0
                && waitedMillis < MAX_IN_FLIGHT_WAIT.toMillis()) {
            try {
                Thread.sleep(IN_FLIGHT_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            waitedMillis += IN_FLIGHT_POLL.toMillis();
            reservation = attempts.reserve(keys, policy, clock.instant());
        }

        if (reservation.isAllowed()) {
            return;
        }
        ThrottleScope scope = reservation.lockedScope().orElseThrow();
        throw new LoginLockedException(reservation.retryAfter(), scope == ThrottleScope.CLIENT,
                "login refused: " + scope.externalName() + " is locked");
    }

    /**
     * Records a failed attempt and audits it, with every lock it set.
     *
     * @param user the account of the email, if there is one
     * @param reason why the login failed, for the audit record
     */
    public void failed(LoginAttemptKeys keys, Optional<User> user, RequestOrigin origin, String reason) {
        Failure failure = attempts.fail(keys, policy, clock.instant());

        Optional<OrganizationId> organizationId = user.map(User::organizationId);
        Optional<String> userId = user.map(found -> found.id().toString());
        auditTrail.record(AuditEventType.LOGIN_FAILED, organizationId, AuditActor.anonymous(), userId,
                origin.clientIp(), Map.of("reason", reason));

        for (NewLock lock : failure.newLocks()) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("scope", lock.scope().externalName());
            details.put("locked_until", lock.until().toString());
            if (lock.scope() == ThrottleScope.CLIENT) {
                LOG.log(Level.WARNING, "Credential stuffing suspected from {0}: {1} different emails failed, "
                        + "logins from there are refused until {2}", ClientNetworks.forLockout(origin.clientIp()),
                        policy.client().threshold(), lock.until());
                details.put("distinct_emails", Integer.toString(policy.client().threshold()));
                auditTrail.record(AuditEventType.CREDENTIAL_STUFFING_SUSPECTED, organizationId,
                        AuditActor.anonymous(), userId, origin.clientIp(), details);
            } else {
                LOG.log(Level.INFO, "Failed logins locked {0} of {1} until {2}", lock.scope().externalName(),
                        userId.orElse("an email that belongs to nobody"), lock.until());
                auditTrail.record(AuditEventType.LOGIN_LOCKED, organizationId, AuditActor.anonymous(), userId,
                        origin.clientIp(), details);
            }
        }
    }

    /** Records that a reserved attempt had the right password, which ends its pair's count. */
    public void succeeded(LoginAttemptKeys keys) {
        attempts.succeed(keys, clock.instant());
    }

    /** Ends every count and lock of the email; returns whether any held failures or a lock. */
    public boolean unlock(EmailAddress email) {
        return attempts.clear(emailKeyOf(email)) > 0;
    }
}
