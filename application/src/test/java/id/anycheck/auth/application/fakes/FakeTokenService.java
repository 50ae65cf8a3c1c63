package id.anycheck.auth.application.fakes;

import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.AuthenticationFailure;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.port.TokenService;
import id.anycheck.auth.domain.session.AccessTokenClaims;
import id.anycheck.auth.domain.session.IssuedTokens;
import id.anycheck.auth.domain.session.RefreshTokenClaims;
import id.anycheck.auth.domain.session.RefreshTokenId;
import id.anycheck.auth.domain.session.SessionId;
import id.anycheck.auth.domain.session.TokenGrant;
import id.anycheck.auth.domain.session.TokenLifetimes;
import id.anycheck.auth.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@link TokenService} that issues {@code <base64url payload>.<base64url HMAC-SHA256>} tokens
 * in place of JWTs. The payload contains the token type, the grant's ids and the expiry. The
 * HMAC key is random per instance, so a token from another instance is TOKEN_INVALID. Expiry
 * is checked against the given clock, with the lifetimes of {@link TokenLifetimes}. Thread-safe.
 */
public final class FakeTokenService implements TokenService {

    private static final String ACCESS = "access";
    private static final String REFRESH = "refresh";
    private static final String MAC_ALGORITHM = "HmacSHA256";
    private static final String FIELD_SEPARATOR = "|";
    private static final int FIELD_COUNT = 7;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Clock clock;
    private final SecretKeySpec key;

    /** The fields of a payload, in their order in the token. */
    private record Payload(
            String type, UserId userId, OrganizationId organizationId, SessionId sessionId, String tokenId,
            Instant issuedAt, Instant expiresAt) {

        String encode() {
            return String.join(FIELD_SEPARATOR, type, userId.toString(), organizationId.toString(),
                    sessionId.toString(), tokenId, Long.toString(issuedAt.getEpochSecond()),
                    Long.toString(expiresAt.getEpochSecond()));
        }

        /** @throws IllegalArgumentException if the text is not an encoded payload */
        static Payload decode(String text) {
            String[] fields = text.split("\\" + FIELD_SEPARATOR, -1);
            if (fields.length != FIELD_COUNT) {
                throw new IllegalArgumentException("expected " + FIELD_COUNT + " fields, got " + fields.length);
            }
            try {
                return new Payload(fields[0], UserId.parse(fields[1]), OrganizationId.parse(fields[2]),
                        SessionId.parse(fields[3]), fields[4], Instant.ofEpochSecond(Long.parseLong(fields[5])),
                        Instant.ofEpochSecond(Long.parseLong(fields[6])));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("timestamp out of range", e);
            }
        }
    }

    public FakeTokenService(Clock clock) {
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, MAC_ALGORITHM);
    }

    @Override
    public IssuedTokens issue(TokenGrant grant) {
        Instant issuedAt = grant.issuedAt();
        // A random token id, like the jti of a JWT, keeps two access tokens of one grant distinct.
        Payload access = new Payload(ACCESS, grant.userId(), grant.organizationId(), grant.sessionId(),
                UUID.randomUUID().toString(), issuedAt, issuedAt.plus(TokenLifetimes.ACCESS_TOKEN));
        Payload refresh = new Payload(REFRESH, grant.userId(), grant.organizationId(), grant.sessionId(),
                grant.refreshTokenId().value(), issuedAt, issuedAt.plus(TokenLifetimes.REFRESH_TOKEN));
        return new IssuedTokens(encode(access), encode(refresh), TokenLifetimes.ACCESS_TOKEN);
    }

    @Override
    public AccessTokenClaims verifyAccessToken(String token) {
        Payload payload = verify(token, ACCESS);
        return new AccessTokenClaims(payload.userId(), payload.organizationId(), payload.sessionId());
    }

    @Override
    public RefreshTokenClaims verifyRefreshToken(String token) {
        Payload payload = verify(token, REFRESH);
        return new RefreshTokenClaims(payload.userId(), payload.sessionId(), RefreshTokenId.of(payload.tokenId()));
    }

    private String encode(Payload payload) {
        byte[] payloadBytes = payload.encode().getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payloadBytes) + "." + ENCODER.encodeToString(mac(payloadBytes));
    }

    private Payload verify(String token, String expectedType) {
        if (token == null) {
            throw invalid("no token");
        }
        int dot = token.indexOf('.');
        if (dot < 0 || dot != token.lastIndexOf('.')) {
            throw invalid("not of the form payload.mac");
        }

        byte[] payloadBytes;
        byte[] presentedMac;
        try {
            payloadBytes = DECODER.decode(token.substring(0, dot));
            presentedMac = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid("invalid base64url");
        }
        if (!MessageDigest.isEqual(mac(payloadBytes), presentedMac)) {
            throw invalid("invalid MAC");
        }

        Payload payload;
        try {
            payload = Payload.decode(new String(payloadBytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw invalid("malformed payload");
        }
        if (!payload.type().equals(expectedType)) {
            throw invalid(payload.type() + " token presented as " + expectedType + " token");
        }
        // Like java-jwt 4.6.2 without leeway, a token is expired from its expiry second on.
        if (!clock.instant().isBefore(payload.expiresAt())) {
            throw new AuthenticationException(AuthenticationFailure.TOKEN_EXPIRED, expectedType + " token expired");
        }
        return payload;
    }

    private byte[] mac(byte[] payloadBytes) {
        try {
            Mac mac = Mac.getInstance(MAC_ALGORITHM);
            mac.init(key);
            return mac.doFinal(payloadBytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides " + MAC_ALGORITHM, e);
        }
    }

    private static AuthenticationException invalid(String detail) {
        return new AuthenticationException(AuthenticationFailure.TOKEN_INVALID, detail);
    }
}
