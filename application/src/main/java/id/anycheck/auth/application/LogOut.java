package id.anycheck.auth.application;

import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.port.SessionRepository;
import id.anycheck.auth.domain.principal.UserPrincipal;
import id.anycheck.auth.domain.session.RevocationReason;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Map;

/**
 * Use case: log out, ending the caller's session so that its access token and refresh token
 * both stop working. Thread-safe.
 */
public final class LogOut {

    private static final System.Logger LOG = System.getLogger(LogOut.class.getName());

    private final SessionRepository sessions;
    private final ActiveSessionCache activeSessions;
    private final AuditTrail auditTrail;
    private final Clock clock;

    public LogOut(SessionRepository sessions, ActiveSessionCache activeSessions, AuditTrail auditTrail, Clock clock) {
        this.sessions = sessions;
        this.activeSessions = activeSessions;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    public void logOut(Caller caller, UserPrincipal principal) {
        boolean revoked = sessions.revoke(principal.sessionId(), RevocationReason.LOGOUT, clock.instant());
        activeSessions.forget(principal.sessionId());

        if (revoked) {
            LOG.log(Level.INFO, "User {0} logged out of session {1}", principal.userId(), principal.sessionId());
            auditTrail.record(AuditEventType.SESSION_LOGGED_OUT, principal.organizationId(), caller,
                    principal.userId().toString(), Map.of("session_id", principal.sessionId().toString()));
        }
    }
}
