package id.anycheck.auth.application;

import static id.anycheck.auth.application.Rejections.failureOf;
import static id.anycheck.auth.application.Rejections.invalidFieldsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import id.anycheck.auth.application.fakes.FakePasswordHasher;
import id.anycheck.auth.application.fakes.InMemoryPorts;
import id.anycheck.auth.domain.error.AuthenticationFailure;
import id.anycheck.auth.domain.error.MfaRequiredException;
import id.anycheck.auth.domain.mfa.MfaToken;
import id.anycheck.auth.domain.mfa.TotpSecret;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.port.PasswordHasher.Verification;
import id.anycheck.auth.domain.session.AccessTokenClaims;
import id.anycheck.auth.domain.session.SessionId;
import id.anycheck.auth.domain.session.TokenLifetimes;
import id.anycheck.auth.domain.user.Password;
import id.anycheck.auth.domain.user.User;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LogInTest {

    private static final String EMAIL = "ana@example.com";
    private static final String PASSWORD = "correct horse battery staple";

    private final InMemoryPorts ports = new InMemoryPorts();
    private final User ana = ports.addOrganizationWithAdmin("Acme Bank", EMAIL, PASSWORD);
    private final LogIn logIn = ports.logIn();

    @Test
    void logInReturnsUser() {
        Authentication authentication = logIn.logIn(LogInCommand.of(EMAIL, PASSWORD, RequestOrigin.unknown()));

        assertThat(authentication.user().id()).isEqualTo(ana.id());
    }

    @Test
    void logInRequiresSecondFactor() {
        turnMfaOn(ana);

        Throwable thrown = catchThrowable(() -> logIn.logIn(LogInCommand.of(EMAIL, PASSWORD, RequestOrigin.unknown())));

        assertThat(thrown).isInstanceOf(MfaRequiredException.class);
        MfaToken token = ((MfaRequiredException) thrown).mfaToken();
        assertThat(ports.mfaChallengeRepository().countAttempt(token.hash(), 5, ports.clock().instant()))
                .contains(ana.id());
        assertThat(ports.sessions().count()).isZero();
    }

    @Test
    void wrongPasswordIssuesNoMfaToken() {
        turnMfaOn(ana);

        assertThat(failureOf(() -> logIn.logIn(LogInCommand.of(EMAIL, "wrong password", RequestOrigin.unknown()))))
                .isEqualTo(AuthenticationFailure.INVALID_CREDENTIALS);
    }

    @Test
    void logInUnderMfaRequirementLimitsTokens() {
        Organization organization = ports.organizations().findById(ana.organizationId()).orElseThrow();
        ports.organizations().replace(organization.withMfaRequired(true));

        Authentication authentication = logIn.logIn(LogInCommand.of(EMAIL, PASSWORD, RequestOrigin.unknown()));

        assertThat(authentication.mfaEnrollmentRequired()).isTrue();
    }

    @Test
    void logInWithoutRequirementIsNotLimited() {
        Authentication authentication = logIn.logIn(LogInCommand.of(EMAIL, PASSWORD, RequestOrigin.unknown()));

        assertThat(authentication.mfaEnrollmentRequired()).isFalse();
    }

    @Test
    void logInReturnsTokens() {
        Authentication authentication = logIn.logIn(LogInCommand.of(EMAIL, PASSWORD, RequestOrigin.unknown()));

        AccessTokenClaims claims = ports.tokenService().verifyAccessToken(authentication.tokens().accessToken());
        assertThat(claims.userId()).isEqualTo(ana.id());
        assertThat(claims.organizationId()).isEqualTo(ana.organizationId());
        assertThat(ports.tokenService().verifyRefreshToken(authentication.tokens().refreshToken()).userId())
                .isEqualTo(ana.id());
        assertThat(authentication.tokens().accessTokenLifetime()).isEqualTo(TokenLifetimes.ACCESS_TOKEN);
    }

    @Test
    void logInStartsSession() {
        Authentication authentication = logIn.logIn(LogInCommand.of(EMAIL, PASSWORD, RequestOrigin.unknown()));

        SessionId tokenSession = ports.tokenService()
                .verifyAccessToken(authentication.tokens().accessToken())
                .sessionId();
        assertThat(ports.sessions().sessionIdsOf(ana.id())).containsExactly(tokenSession);
        assertThat(ports.sessions().isActive(tokenSession)).isTrue();
    }

    @Test
    void sessionStoresRefreshTokenHash() {
        Authentication authentication = logIn.logIn(LogInCommand.of(EMAIL, PASSWORD, RequestOrigin.unknown()));

        var refreshClaims = ports.tokenService().verifyRefreshToken(authentication.tokens().refreshToken());
        assertThat(ports.sessions().refreshTokenHash(refreshClaims.sessionId()))
                .contains(refreshClaims.refreshTokenId().hash());
    }

    @Test
    void eachLogInStartsOwnSession() {
        logIn.logIn(LogInCommand.of(EMAIL, PASSWORD, RequestOrigin.unknown()));
        logIn.logIn(LogInCommand.of(EMAIL, PASSWORD, RequestOrigin.unknown()));

        assertThat(ports.sessions().sessionIdsOf(ana.id())).hasSize(2);
    }

    @Test
    void emailMatchedCaseInsensitively() {
        Authentication authentication = logIn.logIn(LogInCommand.of("  ANA@Example.COM ", PASSWORD, RequestOrigin.unknown()));

        assertThat(authentication.user().id()).isEqualTo(ana.id());
    }

    @Test
    void unknownEmailRejected() {
        assertThat(failureOf(() -> logIn.logIn(LogInCommand.of("nobody@example.com", PASSWORD, RequestOrigin.unknown()))))
                .isEqualTo(AuthenticationFailure.INVALID_CREDENTIALS);
    }

    @Test
    void unknownEmailCostsOneHash() {
        ports.passwordHasher().resetCounts();

        failureOf(() -> logIn.logIn(LogInCommand.of("nobody@example.com", PASSWORD, RequestOrigin.unknown())));

        assertThat(ports.passwordHasher().verifyCount()).isEqualTo(1);
    }

    @Test
    void wrongPasswordRejected() {
        assertThat(failureOf(() -> logIn.logIn(LogInCommand.of(EMAIL, "wrong password", RequestOrigin.unknown()))))
                .isEqualTo(AuthenticationFailure.INVALID_CREDENTIALS);
    }

    @Test
    void wrongPasswordCostsOneHash() {
        ports.passwordHasher().resetCounts();

        failureOf(() -> logIn.logIn(LogInCommand.of(EMAIL, "wrong password", RequestOrigin.unknown())));

        assertThat(ports.passwordHasher().verifyCount()).isEqualTo(1);
    }

    @Test
    void ssoOnlyUserRejected() {
        ports.addUser(ana.organizationId(), "sso@example.com", Optional.empty());

        assertThat(failureOf(() -> logIn.logIn(LogInCommand.of("sso@example.com", PASSWORD, RequestOrigin.unknown()))))
                .isEqualTo(AuthenticationFailure.INVALID_CREDENTIALS);
    }

    @Test
    void ssoOnlyUserCostsOneHash() {
        ports.addUser(ana.organizationId(), "sso@example.com", Optional.empty());
        ports.passwordHasher().resetCounts();

        failureOf(() -> logIn.logIn(LogInCommand.of("sso@example.com", PASSWORD, RequestOrigin.unknown())));

        assertThat(ports.passwordHasher().verifyCount()).isEqualTo(1);
    }

    @Test
    void inactiveUserRejected() {
        ports.users().setActive(ana.id(), false);

        assertThat(failureOf(() -> logIn.logIn(LogInCommand.of(EMAIL, PASSWORD, RequestOrigin.unknown()))))
                .isEqualTo(AuthenticationFailure.INVALID_CREDENTIALS);
    }

    @Test
    void inactiveOrganizationRejected() {
        ports.organizations().setActive(ana.organizationId(), false);

        assertThat(failureOf(() -> logIn.logIn(LogInCommand.of(EMAIL, PASSWORD, RequestOrigin.unknown()))))
                .isEqualTo(AuthenticationFailure.INVALID_CREDENTIALS);
    }

    @Test
    void inactiveAccountCostsOneHash() {
        ports.users().setActive(ana.id(), false);
        ports.passwordHasher().resetCounts();

        failureOf(() -> logIn.logIn(LogInCommand.of(EMAIL, PASSWORD, RequestOrigin.unknown())));

        assertThat(ports.passwordHasher().verifyCount()).isEqualTo(1);
    }

    @Test
    void failedLogInStartsNoSession() {
        ports.organizations().setActive(ana.organizationId(), false);

        failureOf(() -> logIn.logIn(LogInCommand.of(EMAIL, PASSWORD, RequestOrigin.unknown())));
        failureOf(() -> logIn.logIn(LogInCommand.of(EMAIL, "wrong password", RequestOrigin.unknown())));

        assertThat(ports.sessions().count()).isZero();
    }

    @Test
    void oldCostRehashedAfterSuccess() {
        User bob = storeUserWithOldCost("bob@example.com");

        logIn.logIn(LogInCommand.of("bob@example.com", PASSWORD, RequestOrigin.unknown()));

        String storedHash = ports.users().findById(bob.id()).orElseThrow().passwordHash().orElseThrow();
        assertThat(storedHash).isNotEqualTo(bob.passwordHash().orElseThrow());
        assertThat(ports.passwordHasher().verify(Password.presented(PASSWORD), storedHash))
                .isEqualTo(Verification.MATCH);
    }

    @Test
    void rehashedPasswordStillWorks() {
        storeUserWithOldCost("bob@example.com");
        logIn.logIn(LogInCommand.of("bob@example.com", PASSWORD, RequestOrigin.unknown()));

        Authentication second = logIn.logIn(LogInCommand.of("bob@example.com", PASSWORD, RequestOrigin.unknown()));

        assertThat(second.user().email().value()).isEqualTo("bob@example.com");
    }

    @Test
    void currentCostNotRehashed() {
        ports.passwordHasher().resetCounts();

        logIn.logIn(LogInCommand.of(EMAIL, PASSWORD, RequestOrigin.unknown()));

        assertThat(ports.passwordHasher().hashCount()).isZero();
        assertThat(ports.users().findById(ana.id()).orElseThrow().passwordHash())
                .isEqualTo(ana.passwordHash());
    }

    @Test
    void wrongPasswordNotRehashed() {
        User bob = storeUserWithOldCost("bob@example.com");

        failureOf(() -> logIn.logIn(LogInCommand.of("bob@example.com", "wrong password", RequestOrigin.unknown())));

        assertThat(ports.users().findById(bob.id()).orElseThrow().passwordHash())
                .isEqualTo(bob.passwordHash());
    }

    @Test
    void inactiveUserNotRehashed() {
        User bob = storeUserWithOldCost("bob@example.com");
        ports.users().setActive(bob.id(), false);

        failureOf(() -> logIn.logIn(LogInCommand.of("bob@example.com", PASSWORD, RequestOrigin.unknown())));

        assertThat(ports.users().findById(bob.id()).orElseThrow().passwordHash())
                .isEqualTo(bob.passwordHash());
    }

    @Test
    void commandRejectsBadEmailAndEmptyPassword() {
        assertThat(invalidFieldsOf(() -> LogInCommand.of("not an email", "", RequestOrigin.unknown())))
                .containsExactly("email", "password");
    }

    @Test
    void commandRejectsNulls() {
        assertThat(invalidFieldsOf(() -> LogInCommand.of(null, null, RequestOrigin.unknown()))).containsExactly("email", "password");
    }

    @Test
    void commandRejectsEmptyPassword() {
        assertThat(invalidFieldsOf(() -> LogInCommand.of(EMAIL, "", RequestOrigin.unknown()))).containsExactly("password");
    }

    @Test
    void commandRejectsEmailWithoutAt() {
        assertThat(invalidFieldsOf(() -> LogInCommand.of("ana.example.com", PASSWORD, RequestOrigin.unknown())))
                .containsExactly("email");
    }

    @Test
    void commandAcceptsShortPassword() {
        // A login applies no length policy, so an old or short password still reaches the hash.
        LogInCommand command = LogInCommand.of(EMAIL, "x", RequestOrigin.unknown());

        assertThat(command.email().value()).isEqualTo(EMAIL);
    }

    @Test
    void shortPasswordIsWrongPassword() {
        assertThat(failureOf(() -> logIn.logIn(LogInCommand.of(EMAIL, "x", RequestOrigin.unknown()))))
                .isEqualTo(AuthenticationFailure.INVALID_CREDENTIALS);
    }

    private User storeUserWithOldCost(String email) {
        int oldCost = ports.passwordHasher().cost() - 1;
        String oldHash = FakePasswordHasher.hashWithCost(Password.choose(PASSWORD), oldCost);
        return ports.addUser(ana.organizationId(), email, Optional.of(oldHash));
    }

    private void turnMfaOn(User user) {
        UUID enrolmentId = UUID.randomUUID();
        ports.totp().savePending(user.id(), enrolmentId, TotpSecret.generate(ports.random()), ports.clock().instant());
        ports.totp().confirm(user.id(), enrolmentId, 1, List.of(), ports.clock().instant());
    }
}
