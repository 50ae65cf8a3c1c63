package id.anycheck.auth.application;

import static id.anycheck.auth.application.Rejections.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import id.anycheck.auth.application.fakes.InMemoryPorts;
import id.anycheck.auth.domain.error.AuthenticationFailure;
import id.anycheck.auth.domain.principal.UserPrincipal;
import id.anycheck.auth.domain.session.RevocationReason;
import id.anycheck.auth.domain.session.TokenLifetimes;
import id.anycheck.auth.domain.user.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Tests of {@link AuthenticateAccessToken} and of {@link LogOut}, whose effect it enforces. */
class AuthenticateAccessTokenTest {

    private static final String EMAIL = "ana@example.com";
    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration CACHE_TIME_TO_LIVE = Duration.ofMinutes(5);

    private final InMemoryPorts ports = new InMemoryPorts();
    private final User ana = ports.addOrganizationWithAdmin("Acme Bank", EMAIL, PASSWORD);
    private final ActiveSessionCache activeSessions =
            new ActiveSessionCache(ports.sessions(), CACHE_TIME_TO_LIVE, 1000, ports.clock());
    private final LogIn logIn = new LogIn(ports.users(), ports.organizations(), ports.sessions(),
            ports.passwordHasher(), ports.tokenService(), ports.mfaChallenges(), ports.mfaEnrollment(), ports.random(),
            ports.clock());
    private final AuthenticateAccessToken authenticate =
            new AuthenticateAccessToken(ports.tokenService(), activeSessions);
    private final LogOut logOut = new LogOut(ports.sessions(), activeSessions, ports.clock());

    private final Authentication login = logIn.logIn(LogInCommand.of(EMAIL, PASSWORD, RequestOrigin.unknown()));

    @Test
    void authenticateReturnsPrincipal() {
        UserPrincipal principal = authenticate.authenticate(login.tokens().accessToken());

        assertThat(principal.userId()).isEqualTo(ana.id());
        assertThat(principal.organizationId()).isEqualTo(ana.organizationId());
        assertThat(principal.sessionId()).isEqualTo(ports.sessions().sessionIdsOf(ana.id()).get(0));
    }

    @Test
    void logOutRevokesAccessTokenAtOnce() {
        // The first call caches the session as active for the whole time to live.
        UserPrincipal principal = authenticate.authenticate(login.tokens().accessToken());

        logOut.logOut(principal);

        assertThat(failureOf(() -> authenticate.authenticate(login.tokens().accessToken())))
                .isEqualTo(AuthenticationFailure.TOKEN_REVOKED);
    }

    @Test
    void logOutRecordsReason() {
        UserPrincipal principal = authenticate.authenticate(login.tokens().accessToken());

        logOut.logOut(principal);

        assertThat(ports.sessions().revocationReason(principal.sessionId())).contains(RevocationReason.LOGOUT);
    }

    @Test
    void logOutTwiceIsHarmless() {
        UserPrincipal principal = authenticate.authenticate(login.tokens().accessToken());
        logOut.logOut(principal);

        assertThatNoException().isThrownBy(() -> logOut.logOut(principal));
        assertThat(ports.sessions().revocationReason(principal.sessionId())).contains(RevocationReason.LOGOUT);
    }

    @Test
    void logOutKeepsOtherSessions() {
        Authentication otherLogin = logIn.logIn(LogInCommand.of(EMAIL, PASSWORD, RequestOrigin.unknown()));
        UserPrincipal principal = authenticate.authenticate(login.tokens().accessToken());

        logOut.logOut(principal);

        assertThat(authenticate.authenticate(otherLogin.tokens().accessToken()).userId()).isEqualTo(ana.id());
    }

    @Test
    void refreshTokenAsAccessInvalid() {
        assertThat(failureOf(() -> authenticate.authenticate(login.tokens().refreshToken())))
                .isEqualTo(AuthenticationFailure.TOKEN_INVALID);
    }

    @Test
    void garbledTokenInvalid() {
        String garbled = login.tokens().accessToken() + "x";

        assertThat(failureOf(() -> authenticate.authenticate(garbled))).isEqualTo(AuthenticationFailure.TOKEN_INVALID);
        assertThat(failureOf(() -> authenticate.authenticate(null))).isEqualTo(AuthenticationFailure.TOKEN_INVALID);
    }

    @Test
    void expiredAccessTokenRejected() {
        ports.clock().advance(TokenLifetimes.ACCESS_TOKEN);

        assertThat(failureOf(() -> authenticate.authenticate(login.tokens().accessToken())))
                .isEqualTo(AuthenticationFailure.TOKEN_EXPIRED);
    }

    @Test
    void accessTokenValidBeforeExpiry() {
        ports.clock().advance(TokenLifetimes.ACCESS_TOKEN.minusSeconds(1));

        assertThat(authenticate.authenticate(login.tokens().accessToken()).userId()).isEqualTo(ana.id());
    }

    @Test
    void deactivatedUserRevokedAfterTimeToLive() {
        authenticate.authenticate(login.tokens().accessToken());
        ports.users().setActive(ana.id(), false);

        ports.clock().advance(CACHE_TIME_TO_LIVE);

        assertThat(failureOf(() -> authenticate.authenticate(login.tokens().accessToken())))
                .isEqualTo(AuthenticationFailure.TOKEN_REVOKED);
    }

    @Test
    void deactivatedOrganizationRevoked() {
        ports.organizations().setActive(ana.organizationId(), false);

        assertThat(failureOf(() -> authenticate.authenticate(login.tokens().accessToken())))
                .isEqualTo(AuthenticationFailure.TOKEN_REVOKED);
    }
}
