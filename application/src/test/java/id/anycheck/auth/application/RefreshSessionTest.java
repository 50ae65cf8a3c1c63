package id.anycheck.auth.application;

import static id.anycheck.auth.application.Rejections.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import id.anycheck.auth.application.fakes.InMemoryPorts;
import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.AuthenticationFailure;
import id.anycheck.auth.domain.principal.UserPrincipal;
import id.anycheck.auth.domain.session.RevocationReason;
import id.anycheck.auth.domain.session.SessionId;
import id.anycheck.auth.domain.session.TokenLifetimes;
import id.anycheck.auth.domain.user.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RefreshSessionTest {

    private static final String EMAIL = "ana@example.com";
    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration CACHE_TIME_TO_LIVE = Duration.ofMinutes(5);

    private final InMemoryPorts ports = new InMemoryPorts();
    private final User ana = ports.addOrganizationWithAdmin("Acme Bank", EMAIL, PASSWORD);
    private final ActiveSessionCache activeSessions =
            new ActiveSessionCache(ports.sessions(), CACHE_TIME_TO_LIVE, 1000, ports.clock());
    private final LogIn logIn = ports.logIn();
    private final RefreshSession refreshSession = new RefreshSession(ports.tokenService(), ports.sessions(),
            ports.users(), ports.organizations(), activeSessions, ports.auditTrail(), ports.mfaEnrollment(),
            ports.random(), ports.clock());
    private final AuthenticateAccessToken authenticate =
            new AuthenticateAccessToken(ports.tokenService(), activeSessions);
    private final LogOut logOut = new LogOut(ports.sessions(), activeSessions, ports.auditTrail(), ports.clock());

    private final Authentication login = logIn.logIn(LogInCommand.of(EMAIL, PASSWORD, RequestOrigin.unknown()));
    private final SessionId sessionId = ports.sessions().sessionIdsOf(ana.id()).get(0);

    @Test
    void refreshReturnsNewTokens() {
        Authentication refreshed = refreshSession.refresh(login.tokens().refreshToken(), RequestOrigin.unknown());

        assertThat(refreshed.tokens().refreshToken()).isNotEqualTo(login.tokens().refreshToken());
        assertThat(refreshed.tokens().accessToken()).isNotEqualTo(login.tokens().accessToken());
        assertThat(refreshed.user().id()).isEqualTo(ana.id());
    }

    @Test
    void refreshKeepsSession() {
        Authentication refreshed = refreshSession.refresh(login.tokens().refreshToken(), RequestOrigin.unknown());

        UserPrincipal principal = authenticate.authenticate(refreshed.tokens().accessToken());
        assertThat(principal.sessionId()).isEqualTo(sessionId);
        assertThat(ports.sessions().count()).isEqualTo(1);
    }

    @Test
    void newRefreshTokenWorks() {
        Authentication refreshed = refreshSession.refresh(login.tokens().refreshToken(), RequestOrigin.unknown());

        Authentication again = refreshSession.refresh(refreshed.tokens().refreshToken(), RequestOrigin.unknown());

        assertThat(again.user().id()).isEqualTo(ana.id());
    }

    @Test
    void oldRefreshTokenStopsWorking() {
        refreshSession.refresh(login.tokens().refreshToken(), RequestOrigin.unknown());

        assertThat(failureOf(() -> refreshSession.refresh(login.tokens().refreshToken(), RequestOrigin.unknown())))
                .isEqualTo(AuthenticationFailure.TOKEN_REVOKED);
    }

    @Test
    void spentTokenRevokesSession() {
        Authentication refreshed = refreshSession.refresh(login.tokens().refreshToken(), RequestOrigin.unknown());
        authenticate.authenticate(refreshed.tokens().accessToken());

        failureOf(() -> refreshSession.refresh(login.tokens().refreshToken(), RequestOrigin.unknown()));

        assertThat(ports.sessions().isActive(sessionId)).isFalse();
        assertThat(ports.sessions().revocationReason(sessionId)).contains(RevocationReason.REFRESH_TOKEN_REUSE);
    }

    @Test
    void spentTokenEndsNewestTokens() {
        Authentication refreshed = refreshSession.refresh(login.tokens().refreshToken(), RequestOrigin.unknown());
        // Fills the cache, so the test also shows that the reuse clears it.
        authenticate.authenticate(refreshed.tokens().accessToken());

        failureOf(() -> refreshSession.refresh(login.tokens().refreshToken(), RequestOrigin.unknown()));

        assertThat(failureOf(() -> authenticate.authenticate(refreshed.tokens().accessToken())))
                .isEqualTo(AuthenticationFailure.TOKEN_REVOKED);
        assertThat(failureOf(() -> refreshSession.refresh(refreshed.tokens().refreshToken(), RequestOrigin.unknown())))
                .isEqualTo(AuthenticationFailure.TOKEN_REVOKED);
    }

    @Test
    void refreshAfterLogOutRevoked() {
        UserPrincipal principal = authenticate.authenticate(login.tokens().accessToken());
        logOut.logOut(Caller.of(principal, null), principal);

        assertThat(failureOf(() -> refreshSession.refresh(login.tokens().refreshToken(), RequestOrigin.unknown())))
                .isEqualTo(AuthenticationFailure.TOKEN_REVOKED);
        assertThat(ports.sessions().revocationReason(sessionId)).contains(RevocationReason.LOGOUT);
    }

    @Test
    void accessTokenAsRefreshInvalid() {
        assertThat(failureOf(() -> refreshSession.refresh(login.tokens().accessToken(), RequestOrigin.unknown())))
                .isEqualTo(AuthenticationFailure.TOKEN_INVALID);
    }

    @Test
    void invalidTokenKeepsSession() {
        failureOf(() -> refreshSession.refresh(login.tokens().accessToken(), RequestOrigin.unknown()));

        assertThat(ports.sessions().isActive(sessionId)).isTrue();
        assertThat(refreshSession.refresh(login.tokens().refreshToken(), RequestOrigin.unknown()).user().id()).isEqualTo(ana.id());
    }

    @Test
    void garbledTokenInvalid() {
        String garbled = login.tokens().refreshToken().substring(1);

        assertThat(failureOf(() -> refreshSession.refresh(garbled, RequestOrigin.unknown())))
                .isEqualTo(AuthenticationFailure.TOKEN_INVALID);
        assertThat(failureOf(() -> refreshSession.refresh("not a token", RequestOrigin.unknown())))
                .isEqualTo(AuthenticationFailure.TOKEN_INVALID);
        assertThat(failureOf(() -> refreshSession.refresh("", RequestOrigin.unknown())))
                .isEqualTo(AuthenticationFailure.TOKEN_INVALID);
    }

    @Test
    void expiredRefreshTokenRejected() {
        ports.clock().advance(TokenLifetimes.REFRESH_TOKEN.plusSeconds(1));

        assertThat(failureOf(() -> refreshSession.refresh(login.tokens().refreshToken(), RequestOrigin.unknown())))
                .isEqualTo(AuthenticationFailure.TOKEN_EXPIRED);
    }

    @Test
    void refreshBeforeExpiryWorks() {
        ports.clock().advance(TokenLifetimes.REFRESH_TOKEN.minusSeconds(1));

        Authentication refreshed = refreshSession.refresh(login.tokens().refreshToken(), RequestOrigin.unknown());

        assertThat(refreshed.user().id()).isEqualTo(ana.id());
    }

    @Test
    void refreshExtendsExpiry() {
        ports.clock().advance(TokenLifetimes.REFRESH_TOKEN.minusSeconds(1));
        Authentication refreshed = refreshSession.refresh(login.tokens().refreshToken(), RequestOrigin.unknown());

        ports.clock().advance(Duration.ofDays(1));

        assertThat(refreshSession.refresh(refreshed.tokens().refreshToken(), RequestOrigin.unknown()).user().id()).isEqualTo(ana.id());
    }

    @Test
    void deactivatedUserCannotRefresh() {
        ports.users().setActive(ana.id(), false);

        assertThat(failureOf(() -> refreshSession.refresh(login.tokens().refreshToken(), RequestOrigin.unknown())))
                .isEqualTo(AuthenticationFailure.TOKEN_REVOKED);
    }

    @Test
    void deactivatedUserIsNotReuse() {
        ports.users().setActive(ana.id(), false);

        failureOf(() -> refreshSession.refresh(login.tokens().refreshToken(), RequestOrigin.unknown()));

        assertThat(ports.sessions().revocationReason(sessionId)).isEmpty();
    }

    @Test
    void deactivatedOrganizationCannotRefresh() {
        ports.organizations().setActive(ana.organizationId(), false);

        assertThat(failureOf(() -> refreshSession.refresh(login.tokens().refreshToken(), RequestOrigin.unknown())))
                .isEqualTo(AuthenticationFailure.TOKEN_REVOKED);
    }

    @Test
    void refreshComputesNoHash() {
        ports.passwordHasher().resetCounts();

        refreshSession.refresh(login.tokens().refreshToken(), RequestOrigin.unknown());

        assertThat(ports.passwordHasher().hashCount()).isZero();
        assertThat(ports.passwordHasher().verifyCount()).isZero();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void concurrentRefreshesOneWins() throws Exception {
        int threads = 20;
        String refreshToken = login.tokens().refreshToken();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Authentication>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    ready.countDown();
                    if (!start.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("start gate not opened within 10 s");
                    }
                    return refreshSession.refresh(refreshToken, RequestOrigin.unknown());
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).as("all threads ready within 10 s").isTrue();
            start.countDown();

            int successes = 0;
            List<AuthenticationFailure> failures = new ArrayList<>();
            for (Future<Authentication> result : results) {
                try {
                    result.get(10, TimeUnit.SECONDS);
                    successes++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(AuthenticationException.class);
                    failures.add(((AuthenticationException) e.getCause()).failure());
                }
            }

            assertThat(successes).isEqualTo(1);
            assertThat(failures).hasSize(threads - 1);
            assertThat(failures).containsOnly(AuthenticationFailure.TOKEN_REVOKED);
            assertThat(ports.sessions().isActive(sessionId)).isFalse();
            assertThat(ports.sessions().revocationReason(sessionId)).contains(RevocationReason.REFRESH_TOKEN_REUSE);
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).as("pool stopped within 10 s").isTrue();
        }
    }
}
