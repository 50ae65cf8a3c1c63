package id.anycheck.auth.http.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.AuthenticationFailure;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.session.AccessTokenClaims;
import id.anycheck.auth.domain.session.IssuedTokens;
import id.anycheck.auth.domain.session.RefreshTokenClaims;
import id.anycheck.auth.domain.session.RefreshTokenId;
import id.anycheck.auth.domain.session.SessionId;
import id.anycheck.auth.domain.session.TokenGrant;
import id.anycheck.auth.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class JwtTokenServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final SigningKey KEY = SigningKey.fromSecret(bytes("first secret of at least 32 bytes!!"));
    private static final SigningKey OTHER_KEY = SigningKey.fromSecret(bytes("second secret of at least 32 bytes!"));
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final TokenGrant grant = new TokenGrant(UserId.random(), OrganizationId.random(), SessionId.random(),
            RefreshTokenId.generate(new SecureRandom()), NOW);

    @Test
    void accessTokenRoundTrip() {
        IssuedTokens tokens = service(KEY).issue(grant);

        AccessTokenClaims claims = service(KEY).verifyAccessToken(tokens.accessToken());

        assertThat(claims.userId()).isEqualTo(grant.userId());
        assertThat(claims.organizationId()).isEqualTo(grant.organizationId());
        assertThat(claims.sessionId()).isEqualTo(grant.sessionId());
        assertThat(tokens.accessTokenLifetime()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void accessTokenCarriesEnrollmentLimitOnlyWhenSet() {
        TokenGrant limited = new TokenGrant(grant.userId(), grant.organizationId(), grant.sessionId(),
                grant.refreshTokenId(), NOW, true);

        AccessTokenClaims limitedClaims = service(KEY).verifyAccessToken(service(KEY).issue(limited).accessToken());
        AccessTokenClaims plainClaims = service(KEY).verifyAccessToken(service(KEY).issue(grant).accessToken());

        assertThat(limitedClaims.mfaEnrollmentRequired()).isTrue();
        assertThat(plainClaims.mfaEnrollmentRequired()).isFalse();
    }

    @Test
    void refreshTokenRoundTrip() {
        IssuedTokens tokens = service(KEY).issue(grant);

        RefreshTokenClaims claims = service(KEY).verifyRefreshToken(tokens.refreshToken());

        assertThat(claims.userId()).isEqualTo(grant.userId());
        assertThat(claims.sessionId()).isEqualTo(grant.sessionId());
        assertThat(claims.refreshTokenId().hash()).isEqualTo(grant.refreshTokenId().hash());
    }

    @Test
    void headerNamesAlgorithmTypeAndKey() {
        String token = service(KEY).issue(grant).accessToken();

        String header = decode(token.split("\\.")[0]);

        assertThat(header).isEqualTo("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + KEY.keyId() + "\"}");
        assertThat(token).startsWith("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVC");
    }

    @Test
    void accessTokenCarriesContractClaims() {
        var decoded = JWT.decode(service(KEY).issue(grant).accessToken());

        assertThat(decoded.getIssuer()).isEqualTo("issuer");
        assertThat(decoded.getAudience()).containsExactly("audience");
        assertThat(decoded.getSubject()).isEqualTo(grant.userId().toString());
        assertThat(decoded.getClaim("org").asString()).isEqualTo(grant.organizationId().toString());
        assertThat(decoded.getClaim("sid").asString()).isEqualTo(grant.sessionId().toString());
        assertThat(decoded.getClaim("typ").asString()).isEqualTo("access");
        assertThat(decoded.getIssuedAtAsInstant()).isEqualTo(NOW);
        assertThat(decoded.getExpiresAtAsInstant()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(decoded.getId()).isNotBlank();
    }

    @Test
    void refreshTokenLastsThirtyDays() {
        var decoded = JWT.decode(service(KEY).issue(grant).refreshToken());

        assertThat(decoded.getExpiresAtAsInstant()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(decoded.getClaim("typ").asString()).isEqualTo("refresh");
    }

    @Test
    void accessTokenExpiresAfterOneHour() {
        String token = service(KEY).issue(grant).accessToken();

        assertThat(service(KEY, NOW.plusSeconds(3599)).verifyAccessToken(token).sessionId())
                .isEqualTo(grant.sessionId());
        assertRejected(() -> service(KEY, NOW.plusSeconds(3601)).verifyAccessToken(token),
                AuthenticationFailure.TOKEN_EXPIRED);
    }

    @Test
    void refreshTokenExpiresAfterThirtyDays() {
        String token = service(KEY).issue(grant).refreshToken();

        assertRejected(() -> service(KEY, NOW.plus(Duration.ofDays(30)).plusSeconds(1)).verifyRefreshToken(token),
                AuthenticationFailure.TOKEN_EXPIRED);
    }

    @Test
    void tamperedPayloadIsInvalid() {
        String[] parts = service(KEY).issue(grant).accessToken().split("\\.");
        String payload = decode(parts[1]).replace(grant.userId().toString(), UserId.random().toString());
        String tampered = parts[0] + "." + encode(payload) + "." + parts[2];

        assertRejected(() -> service(KEY).verifyAccessToken(tampered), AuthenticationFailure.TOKEN_INVALID);
    }

    @Test
    void tamperedSignatureIsInvalid() {
        String token = service(KEY).issue(grant).accessToken();
        char last = token.charAt(token.length() - 5);
        String tampered = token.substring(0, token.length() - 5) + (last == 'A' ? 'B' : 'A') + token.substring(token.length() - 4);

        assertRejected(() -> service(KEY).verifyAccessToken(tampered), AuthenticationFailure.TOKEN_INVALID);
    }

    @Test
    void algorithmNoneIsInvalid() {
        String payload = JWT.decode(service(KEY).issue(grant).accessToken()).getPayload();
        String header = encode("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + KEY.keyId() + "\"}");

        assertRejected(() -> service(KEY).verifyAccessToken(header + "." + payload + "."),
                AuthenticationFailure.TOKEN_INVALID);
    }

    @Test
    void otherHmacAlgorithmIsInvalid() {
        String token = JWT.create()
                .withKeyId(KEY.keyId())
                .withIssuer("issuer")
                .withAudience("audience")
                .withSubject(grant.userId().toString())
                .withClaim("org", grant.organizationId().toString())
                .withClaim("sid", grant.sessionId().toString())
                .withClaim("typ", "access")
                .withIssuedAt(NOW)
                .withExpiresAt(NOW.plusSeconds(3600))
                .withJWTId("id")
                .sign(Algorithm.HMAC512(KEY.secret()));

        assertRejected(() -> service(KEY).verifyAccessToken(token), AuthenticationFailure.TOKEN_INVALID);
    }

    @Test
    void wrongIssuerIsInvalid() {
        String token = new JwtTokenService(List.of(KEY), "someone-else", "audience", clock(NOW)).issue(grant).accessToken();

        assertRejected(() -> service(KEY).verifyAccessToken(token), AuthenticationFailure.TOKEN_INVALID);
    }

    @Test
    void wrongAudienceIsInvalid() {
        String token = new JwtTokenService(List.of(KEY), "issuer", "other-api", clock(NOW)).issue(grant).accessToken();

        assertRejected(() -> service(KEY).verifyAccessToken(token), AuthenticationFailure.TOKEN_INVALID);
    }

    @Test
    void wrongHeaderTypeIsInvalid() {
        String[] parts = service(KEY).issue(grant).accessToken().split("\\.");
        String header = encode("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"" + KEY.keyId() + "\"}");
        String signature = sign(header + "." + parts[1], KEY);

        assertRejected(() -> service(KEY).verifyAccessToken(header + "." + parts[1] + "." + signature),
                AuthenticationFailure.TOKEN_INVALID);
    }

    @Test
    void refreshTokenIsNotAnAccessToken() {
        String refreshToken = service(KEY).issue(grant).refreshToken();

        assertRejected(() -> service(KEY).verifyAccessToken(refreshToken), AuthenticationFailure.TOKEN_INVALID);
    }

    @Test
    void accessTokenIsNotARefreshToken() {
        String accessToken = service(KEY).issue(grant).accessToken();

        assertRejected(() -> service(KEY).verifyRefreshToken(accessToken), AuthenticationFailure.TOKEN_INVALID);
    }

    @Test
    void rotatedInKeyStillVerifiesOldTokens() {
        String token = service(KEY).issue(grant).accessToken();
        JwtTokenService rotated = new JwtTokenService(List.of(OTHER_KEY, KEY), "issuer", "audience", clock(NOW));

        assertThat(rotated.verifyAccessToken(token).userId()).isEqualTo(grant.userId());
        assertThat(JWT.decode(rotated.issue(grant).accessToken()).getKeyId()).isEqualTo(OTHER_KEY.keyId());
    }

    @Test
    void rotatedOutKeyIsInvalid() {
        String token = service(KEY).issue(grant).accessToken();

        assertRejected(() -> service(OTHER_KEY).verifyAccessToken(token), AuthenticationFailure.TOKEN_INVALID);
    }

    @Test
    void knownKeyIdWithOtherSecretIsInvalid() {
        SigningKey impostor = new SigningKey(KEY.keyId(), bytes("an impostor secret of 32 bytes or more"));
        String token = service(impostor).issue(grant).accessToken();

        assertRejected(() -> service(KEY).verifyAccessToken(token), AuthenticationFailure.TOKEN_INVALID);
    }

    @Test
    void missingKeyIdIsInvalid() {
        String[] parts = service(KEY).issue(grant).accessToken().split("\\.");
        String header = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String signature = sign(header + "." + parts[1], KEY);

        assertRejected(() -> service(KEY).verifyAccessToken(header + "." + parts[1] + "." + signature),
                AuthenticationFailure.TOKEN_INVALID);
    }

    @Test
    void malformedTokensAreInvalid() {
        for (String malformed : List.of("", "abc", "a.b.c", "a.b", "eyJhbGciOiJIUzI1NiJ9..", "....")) {
            assertRejected(() -> service(KEY).verifyAccessToken(malformed), AuthenticationFailure.TOKEN_INVALID);
        }
    }

    @Test
    void tokenIssuedInTheFutureIsInvalid() {
        TokenGrant future = new TokenGrant(grant.userId(), grant.organizationId(), grant.sessionId(),
                grant.refreshTokenId(), NOW.plus(Duration.ofMinutes(10)));
        String token = service(KEY).issue(future).accessToken();

        assertRejected(() -> service(KEY).verifyAccessToken(token), AuthenticationFailure.TOKEN_INVALID);
    }

    @Test
    void shortSecretIsRejected() {
        assertThatThrownBy(() -> SigningKey.fromSecret(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyIdDependsOnSecretOnly() {
        assertThat(SigningKey.fromSecret(bytes("first secret of at least 32 bytes!!")).keyId()).isEqualTo(KEY.keyId());
        assertThat(OTHER_KEY.keyId()).isNotEqualTo(KEY.keyId());
        assertThat(KEY.toString()).doesNotContain("first secret");
    }

    private static JwtTokenService service(SigningKey key) {
        return service(key, NOW);
    }

    private static JwtTokenService service(SigningKey key, Instant now) {
        return new JwtTokenService(List.of(key), "issuer", "audience", clock(now));
    }

    private static Clock clock(Instant now) {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    private static void assertRejected(Runnable verification, AuthenticationFailure failure) {
        assertThatThrownBy(verification::run)
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.failure()).isEqualTo(failure));
    }

    private static String sign(String headerAndPayload, SigningKey key) {
        byte[] signature = Algorithm.HMAC256(key.secret()).sign(
                headerAndPayload.split("\\.")[0].getBytes(StandardCharsets.UTF_8),
                headerAndPayload.split("\\.")[1].getBytes(StandardCharsets.UTF_8));
        return BASE64URL.encodeToString(signature);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
