package id.anycheck.auth.application.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.AuthenticationFailure;
import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.organization.Plan;
import id.anycheck.auth.domain.port.PasswordHasher.Verification;
import id.anycheck.auth.domain.session.IssuedTokens;
import id.anycheck.auth.domain.session.NewSession;
import id.anycheck.auth.domain.session.RefreshTokenId;
import id.anycheck.auth.domain.session.RevocationReason;
import id.anycheck.auth.domain.session.SessionId;
import id.anycheck.auth.domain.session.TokenGrant;
import id.anycheck.auth.domain.session.TokenLifetimes;
import id.anycheck.auth.domain.user.EmailAddress;
import id.anycheck.auth.domain.user.Password;
import id.anycheck.auth.domain.user.User;
import id.anycheck.auth.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Tests of the fakes' own contracts, which the use-case tests and other modules rely on. */
class FakesTest {

    private static final Password PASSWORD = Password.choose("correct horse battery staple");

    private final InMemoryPorts ports = new InMemoryPorts();
    private final User ana = ports.addOrganizationWithAdmin("Acme Bank", "ana@example.com", "correct horse");

    @Test
    void hasherWritesDocumentedFormat() {
        assertThat(new FakePasswordHasher(3).hash(PASSWORD)).matches("fake\\$3\\$[0-9a-f]{64}");
    }

    @Test
    void hasherMatchesSamePassword() {
        FakePasswordHasher hasher = new FakePasswordHasher();

        assertThat(hasher.verify(PASSWORD, hasher.hash(PASSWORD))).isEqualTo(Verification.MATCH);
    }

    @Test
    void hasherRejectsOtherPassword() {
        FakePasswordHasher hasher = new FakePasswordHasher();

        assertThat(hasher.verify(Password.presented("wrong"), hasher.hash(PASSWORD)))
                .isEqualTo(Verification.MISMATCH);
    }

    @Test
    void hasherRejectsUnparsableHash() {
        FakePasswordHasher hasher = new FakePasswordHasher();

        assertThat(hasher.verify(PASSWORD, null)).isEqualTo(Verification.MISMATCH);
        assertThat(hasher.verify(PASSWORD, "")).isEqualTo(Verification.MISMATCH);
        assertThat(hasher.verify(PASSWORD, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"))
                .isEqualTo(Verification.MISMATCH);
    }

    @Test
    void hasherRejectsCostOutOfBounds() {
        String digest = FakePasswordHasher.hashWithCost(PASSWORD, 1).substring("fake$1$".length());
        FakePasswordHasher hasher = new FakePasswordHasher();

        assertThat(hasher.verify(PASSWORD, "fake$0$" + digest)).isEqualTo(Verification.MISMATCH);
        assertThat(hasher.verify(PASSWORD, "fake$99$" + digest)).isEqualTo(Verification.MISMATCH);
    }

    @Test
    void hasherFlagsOtherCost() {
        FakePasswordHasher hasher = new FakePasswordHasher(2);
        String oldHash = hasher.hash(PASSWORD);

        hasher.setCost(3);

        assertThat(hasher.verify(PASSWORD, oldHash)).isEqualTo(Verification.MATCH_NEEDS_REHASH);
        assertThat(hasher.verify(PASSWORD, hasher.hash(PASSWORD))).isEqualTo(Verification.MATCH);
    }

    @Test
    void hasherCountsCalls() {
        FakePasswordHasher hasher = new FakePasswordHasher();
        String hash = hasher.hash(PASSWORD);
        hasher.verify(PASSWORD, hash);
        hasher.verify(PASSWORD, "garbage");

        assertThat(hasher.hashCount()).isEqualTo(1);
        assertThat(hasher.verifyCount()).isEqualTo(2);
    }

    @Test
    void tokenRoundTrips() {
        SessionId sessionId = SessionId.random();
        RefreshTokenId refreshTokenId = RefreshTokenId.generate(ports.random());
        IssuedTokens tokens = issue(sessionId, refreshTokenId);

        var access = ports.tokenService().verifyAccessToken(tokens.accessToken());
        var refresh = ports.tokenService().verifyRefreshToken(tokens.refreshToken());

        assertThat(access.userId()).isEqualTo(ana.id());
        assertThat(access.organizationId()).isEqualTo(ana.organizationId());
        assertThat(access.sessionId()).isEqualTo(sessionId);
        assertThat(refresh.userId()).isEqualTo(ana.id());
        assertThat(refresh.sessionId()).isEqualTo(sessionId);
        assertThat(refresh.refreshTokenId().value()).isEqualTo(refreshTokenId.value());
    }

    @Test
    void tokenOfOtherServiceInvalid() {
        IssuedTokens tokens = new FakeTokenService(ports.clock()).issue(grant(SessionId.random()));

        assertThat(failureOf(() -> ports.tokenService().verifyAccessToken(tokens.accessToken())))
                .isEqualTo(AuthenticationFailure.TOKEN_INVALID);
        assertThat(failureOf(() -> ports.tokenService().verifyRefreshToken(tokens.refreshToken())))
                .isEqualTo(AuthenticationFailure.TOKEN_INVALID);
    }

    @Test
    void tokenTypesNotInterchangeable() {
        IssuedTokens tokens = issue(SessionId.random(), RefreshTokenId.generate(ports.random()));

        assertThat(failureOf(() -> ports.tokenService().verifyAccessToken(tokens.refreshToken())))
                .isEqualTo(AuthenticationFailure.TOKEN_INVALID);
        assertThat(failureOf(() -> ports.tokenService().verifyRefreshToken(tokens.accessToken())))
                .isEqualTo(AuthenticationFailure.TOKEN_INVALID);
    }

    @Test
    void tokenExpiresAtLifetime() {
        IssuedTokens tokens = issue(SessionId.random(), RefreshTokenId.generate(ports.random()));

        ports.clock().advance(TokenLifetimes.ACCESS_TOKEN);

        assertThat(failureOf(() -> ports.tokenService().verifyAccessToken(tokens.accessToken())))
                .isEqualTo(AuthenticationFailure.TOKEN_EXPIRED);
        assertThat(ports.tokenService().verifyRefreshToken(tokens.refreshToken()).userId()).isEqualTo(ana.id());
    }

    @Test
    void organizationConflictStoresNothing() {
        Organization other = new Organization(
                OrganizationId.random(), "Other Bank", Plan.STARTER, true, ports.clock().instant());
        Group otherGroup = new Group(GroupId.random(), other.id(), "Default", ports.clock().instant());
        User otherAdmin = new User(UserId.random(), other.id(), EmailAddress.parse("ANA@example.com"), "Ana",
                Optional.empty(), true, true, ports.clock().instant());

        assertThatExceptionOfType(ConflictException.class)
                .isThrownBy(() -> ports.organizations().add(other, otherGroup, otherAdmin));

        assertThat(ports.organizations().findById(other.id())).isEmpty();
        assertThat(ports.users().findGroup(otherGroup.id())).isEmpty();
        assertThat(ports.users().findById(otherAdmin.id())).isEmpty();
    }

    @Test
    void rotateIsCompareAndSet() {
        RefreshTokenId first = RefreshTokenId.generate(ports.random());
        RefreshTokenId second = RefreshTokenId.generate(ports.random());
        SessionId id = startSession(first);
        Instant now = ports.clock().instant();
        Instant later = now.plus(TokenLifetimes.REFRESH_TOKEN);

        assertThat(ports.sessions().rotateRefreshToken(id, first.hash(), second.hash(), later, now)).isPresent();
        assertThat(ports.sessions().rotateRefreshToken(id, first.hash(), second.hash(), later, now)).isEmpty();
        assertThat(ports.sessions().refreshTokenHash(id)).contains(second.hash());
    }

    @Test
    void rotateRejectsExpiredToken() {
        RefreshTokenId first = RefreshTokenId.generate(ports.random());
        SessionId id = startSession(first);
        Instant expiry = ports.clock().instant().plus(TokenLifetimes.REFRESH_TOKEN);

        assertThat(ports.sessions().rotateRefreshToken(id, first.hash(), "next", expiry.plusSeconds(60), expiry))
                .isEmpty();
    }

    @Test
    void rotateRejectsRevokedSession() {
        RefreshTokenId first = RefreshTokenId.generate(ports.random());
        SessionId id = startSession(first);
        Instant now = ports.clock().instant();
        ports.sessions().revoke(id, RevocationReason.LOGOUT, now);

        assertThat(ports.sessions().rotateRefreshToken(id, first.hash(), "next", now.plusSeconds(60), now)).isEmpty();
    }

    @Test
    void revokeOnlyOnce() {
        SessionId id = startSession(RefreshTokenId.generate(ports.random()));
        Instant now = ports.clock().instant();

        assertThat(ports.sessions().revoke(id, RevocationReason.LOGOUT, now)).isTrue();
        assertThat(ports.sessions().revoke(id, RevocationReason.REFRESH_TOKEN_REUSE, now)).isFalse();
        assertThat(ports.sessions().revocationReason(id)).contains(RevocationReason.LOGOUT);
        assertThat(ports.sessions().revoke(SessionId.random(), RevocationReason.LOGOUT, now)).isFalse();
    }

    @Test
    void sessionInactiveWithInactiveOwner() {
        SessionId id = startSession(RefreshTokenId.generate(ports.random()));

        ports.users().setActive(ana.id(), false);

        assertThat(ports.sessions().isActive(id)).isFalse();
    }

    @Test
    void clockAdvancesAllZones() {
        MutableClock clock = new MutableClock();
        var zoned = clock.withZone(ZoneId.of("Asia/Jakarta"));

        clock.advance(Duration.ofMinutes(5));

        assertThat(clock.instant()).isEqualTo(MutableClock.DEFAULT_START.plus(Duration.ofMinutes(5)));
        assertThat(zoned.instant()).isEqualTo(clock.instant());
        assertThat(zoned.getZone()).isEqualTo(ZoneId.of("Asia/Jakarta"));
    }

    private TokenGrant grant(SessionId sessionId) {
        return new TokenGrant(ana.id(), ana.organizationId(), sessionId,
                RefreshTokenId.generate(ports.random()), ports.clock().instant());
    }

    private IssuedTokens issue(SessionId sessionId, RefreshTokenId refreshTokenId) {
        return ports.tokenService().issue(new TokenGrant(
                ana.id(), ana.organizationId(), sessionId, refreshTokenId, ports.clock().instant()));
    }

    private SessionId startSession(RefreshTokenId refreshTokenId) {
        SessionId id = SessionId.random();
        Instant now = ports.clock().instant();
        ports.sessions().start(new NewSession(id, ana.id(), ana.organizationId(), refreshTokenId.hash(),
                now.plus(TokenLifetimes.REFRESH_TOKEN), now));
        return id;
    }

    private static AuthenticationFailure failureOf(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(AuthenticationException.class);
        return ((AuthenticationException) thrown).failure();
    }
}
