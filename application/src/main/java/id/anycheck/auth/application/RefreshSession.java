package id.anycheck.auth.application;

import id.anycheck.auth.application.mfa.MfaEnrollmentPolicy;
import id.anycheck.auth.domain.audit.AuditActor;
import id.anycheck.auth.domain.audit.AuditEventType;
import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.AuthenticationFailure;
import id.anycheck.auth.domain.port.OrganizationRepository;
import id.anycheck.auth.domain.port.SessionRepository;
import id.anycheck.auth.domain.port.TokenService;
import id.anycheck.auth.domain.port.UserRepository;
import id.anycheck.auth.domain.session.IssuedTokens;
import id.anycheck.auth.domain.session.RefreshTokenClaims;
import id.anycheck.auth.domain.session.RefreshTokenId;
import id.anycheck.auth.domain.session.RevocationReason;
import id.anycheck.auth.domain.session.SessionId;
import id.anycheck.auth.domain.session.TokenLifetimes;
import id.anycheck.auth.domain.user.User;
import id.anycheck.auth.domain.user.UserId;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Use case: exchange a refresh token for a new access token and a new refresh token.
 *
 * <p>Each refresh token works once. Spending it is a single compare-and-set in storage, which
 * also returns the session's user, so of several concurrent refreshes with one token exactly
 * one succeeds. A successful refresh costs no password hash and two storage round trips: the
 * compare-and-set and the read of the organization's MFA rule, plus a third, whether the user
 * has MFA on, while the organization requires it. Thread-safe.
 */
public final class RefreshSession {

    private static final System.Logger LOG = System.getLogger(RefreshSession.class.getName());

    private final TokenService tokenService;
    private final SessionRepository sessions;
    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final ActiveSessionCache activeSessions;
    private final AuditTrail auditTrail;
    private final SessionTokens sessionTokens;
    private final MfaEnrollmentPolicy mfaEnrollment;
    private final Clock clock;

    public RefreshSession(
            TokenService tokenService,
            SessionRepository sessions,
            UserRepository users,
            OrganizationRepository organizations,
            ActiveSessionCache activeSessions,
            AuditTrail auditTrail,
            MfaEnrollmentPolicy mfaEnrollment,
            SecureRandom random,
            Clock clock) {
        this.tokenService = tokenService;
        this.sessions = sessions;
        this.users = users;
        this.organizations = organizations;
        this.activeSessions = activeSessions;
        this.auditTrail = auditTrail;
        this.sessionTokens = new SessionTokens(tokenService, random);
        this.mfaEnrollment = mfaEnrollment;
        this.clock = clock;
    }

    /** @param origin the client presenting the token, for the audit record of a reuse */
    public Authentication refresh(String refreshToken, RequestOrigin origin) {
        RefreshTokenClaims claims = tokenService.verifyRefreshToken(refreshToken);
        SessionId sessionId = claims.sessionId();

        Instant now = clock.instant();
        RefreshTokenId nextId = sessionTokens.newRefreshTokenId();
        Optional<User> owner = sessions.rotateRefreshToken(
                sessionId, claims.refreshTokenId().hash(), nextId.hash(), now.plus(TokenLifetimes.REFRESH_TOKEN), now);

        if (owner.isEmpty() && !ownerCanLogIn(claims.userId())) {
            activeSessions.forget(sessionId);
            throw new AuthenticationException(AuthenticationFailure.TOKEN_REVOKED,
                    "user " + claims.userId() + " or its organization is deactivated");
        }
        if (owner.isEmpty()) {
            // The signature proves this service issued the token, so a token that is not the
            // session's current one was spent before, or its session has ended. A spent token
            // presented again may be a stolen copy, and nothing distinguishes the thief from the owner.
            // So the whole session is revoked, which also ends the tokens of the earlier refresh.
            boolean reuseDetected = sessions.revoke(sessionId, RevocationReason.REFRESH_TOKEN_REUSE, now);
            activeSessions.forget(sessionId);
            if (reuseDetected) {
                LOG.log(Level.WARNING, "Refresh token reuse detected, revoked session {0} of user {1}",
                        sessionId, claims.userId());
                auditTrail.record(AuditEventType.REFRESH_TOKEN_REUSED,
                        users.findById(claims.userId()).map(User::organizationId), AuditActor.anonymous(),
                        Optional.of(claims.userId().toString()), origin.clientIp(),
                        Map.of("session_id", sessionId.toString()));
                throw AuthenticationException.refreshTokenReuse(
                        "refresh token of session " + sessionId + " was spent before");
            }
            throw new AuthenticationException(AuthenticationFailure.TOKEN_REVOKED,
                    "refresh token of session " + sessionId + " is spent and its session has ended");
        }

        // Recomputed on each refresh, so a client that confirmed enrolment refreshes to lift the limit.
        boolean enrollmentRequired = mfaEnrollment.enrollmentRequired(owner.get());
        IssuedTokens tokens = sessionTokens.sign(owner.get(), sessionId, nextId, now, enrollmentRequired);
        return new Authentication(tokens, owner.get(), enrollmentRequired);
    }

    private boolean ownerCanLogIn(UserId userId) {
        return users.findById(userId).map(user -> AccountStanding.canLogIn(user, organizations)).orElse(false);
    }
}
