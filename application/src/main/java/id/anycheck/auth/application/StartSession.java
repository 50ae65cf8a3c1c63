package id.anycheck.auth.application;

import id.anycheck.auth.application.mfa.MfaEnrollmentPolicy;
import id.anycheck.auth.application.protection.UnusualAccess;
import id.anycheck.auth.domain.audit.AuditActor;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.port.SessionRepository;
import id.anycheck.auth.domain.port.TokenService;
import id.anycheck.auth.domain.session.IssuedTokens;
import id.anycheck.auth.domain.session.NewSession;
import id.anycheck.auth.domain.session.RefreshTokenId;
import id.anycheck.auth.domain.session.SessionId;
import id.anycheck.auth.domain.session.TokenLifetimes;
import id.anycheck.auth.domain.user.User;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Starts a session for a user whose identity is already proven (by password, second factor or
 * single sign-on) and signs its first token pair. Callers check the account's standing first.
 * Thread-safe.
 */
public final class StartSession {

    private static final System.Logger LOG = System.getLogger(StartSession.class.getName());

    private final SessionRepository sessions;
    private final SessionTokens sessionTokens;
    private final MfaEnrollmentPolicy mfaEnrollment;
    private final UnusualAccess unusualAccess;
    private final AuditTrail auditTrail;
    private final Clock clock;

    public StartSession(SessionRepository sessions, TokenService tokenService, MfaEnrollmentPolicy mfaEnrollment,
            SecureRandom random, UnusualAccess unusualAccess, AuditTrail auditTrail, Clock clock) {
        this.sessions = sessions;
        this.sessionTokens = new SessionTokens(tokenService, random);
        this.mfaEnrollment = mfaEnrollment;
        this.unusualAccess = unusualAccess;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /**
     * Stores a new session for the user and returns its tokens. The method names the proof
     * ("password", "totp", "recovery_code", "entra") for the log and the audit record. The
     * access token only allows enrolling a second factor while the organization requires MFA and
     * the user has not turned it on.
     */
    public Authentication start(User user, String method, RequestOrigin origin) {
        Instant now = clock.instant();
        SessionId sessionId = SessionId.random();
        RefreshTokenId refreshTokenId = sessionTokens.newRefreshTokenId();
        sessions.start(new NewSession(
                sessionId,
                user.id(),
                user.organizationId(),
                refreshTokenId.hash(),
                now.plus(TokenLifetimes.REFRESH_TOKEN),
                now));

        boolean enrollmentRequired = mfaEnrollment.enrollmentRequired(user);
        IssuedTokens tokens = sessionTokens.sign(user, sessionId, refreshTokenId, now, enrollmentRequired);
        LOG.log(Level.INFO, "User {0} logged in with {1}, session {2}", user.id(), method, sessionId);

        auditTrail.record(AuditEventType.LOGIN_SUCCEEDED, Optional.of(user.organizationId()),
                new AuditActor(AuditActor.Kind.USER, Optional.of(user.id().toString())),
                Optional.of(user.id().toString()), origin.clientIp(),
                Map.of("method", method, "session_id", sessionId.toString()));
        unusualAccess.loggedIn(user, origin);

        return new Authentication(tokens, user, enrollmentRequired);
    }
}
