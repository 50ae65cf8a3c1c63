package id.anycheck.auth.http.jwt;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
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
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens as JWTs signed with HS256 (java-jwt). Both kinds carry {@code iss}, {@code aud},
 * {@code sub}, {@code sid}, {@code iat}, {@code exp}, {@code jti} and a {@code typ} claim of
 * {@code access} or {@code refresh}; the header names the signing key in {@code kid}. The
 * first key signs; every key verifies, so a secret can be rotated without logging users out.
 *
 * <p>Verification trusts nothing in the header but the key id: the algorithm must be HS256
 * ({@code none} and every other value are rejected before the signature is checked) and the
 * key must be one of ours. Thread-safe.
 */
public final class JwtTokenService implements TokenService {

    /** Access tokens kept verified at most; about 50,000 times half a KiB. */
    static final int MAX_VERIFIED_ACCESS_TOKENS = 50_000;

    private record VerifiedAccessToken(AccessTokenClaims claims, Instant expiresAt) {
    }

    private static final String ALGORITHM = "HS256";
    private static final String HEADER_TYPE = "JWT";
    private static final String TYPE_CLAIM = "typ";
    private static final String ACCESS = "access";
    private static final String REFRESH = "refresh";
    /** Claim of an access token that only allows enrolling a second factor. It is present only when true. */
    private static final String MFA_ENROLLMENT_CLAIM = "mfa_enrollment_required";
    private static final long ISSUED_AT_LEEWAY_SECONDS = 60;

    private final Algorithm signingAlgorithm;
    private final Map<String, Object> header;
    private final Map<String, Verifiers> verifiersByKeyId = new LinkedHashMap<>();
    private final Map<String, VerifiedAccessToken> verifiedAccessTokens = new ConcurrentHashMap<>();
    private final String issuer;
    private final String audience;
    private final Clock clock;

    private record Verifiers(JWTVerifier access, JWTVerifier refresh) {
    }

    /** @param keys the signing key first, then keys that are still accepted for verification */
    public JwtTokenService(List<SigningKey> keys, String issuer, String audience, Clock clock) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one signing key is required");
        }
        SigningKey signingKey = keys.get(0);
        this.signingAlgorithm = Algorithm.HMAC256(signingKey.secret());
        // alg and typ first, so that tokens start like the examples of the API reference.
        Map<String, Object> orderedHeader = new LinkedHashMap<>();
        orderedHeader.put("alg", ALGORITHM);
        orderedHeader.put("typ", HEADER_TYPE);
        orderedHeader.put("kid", signingKey.keyId());
        this.header = Collections.unmodifiableMap(orderedHeader);
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
        for (SigningKey key : keys) {
            Algorithm algorithm = Algorithm.HMAC256(key.secret());
            verifiersByKeyId.put(key.keyId(), new Verifiers(verifier(algorithm, ACCESS), verifier(algorithm, REFRESH)));
        }
    }

    private JWTVerifier verifier(Algorithm algorithm, String type) {
        return ((JWTVerifier.BaseVerification) JWT.require(algorithm)
                .withIssuer(issuer)
                .withAudience(audience)
                .withClaim(TYPE_CLAIM, type)
                .withClaimPresence("sub")
                .withClaimPresence("sid")
                .withClaimPresence("jti")
                .withClaimPresence("exp")
                .acceptIssuedAt(ISSUED_AT_LEEWAY_SECONDS))
                .build(clock);
    }

    @Override
    public IssuedTokens issue(TokenGrant grant) {
        Instant issuedAt = grant.issuedAt();
        JWTCreator.Builder access = JWT.create()
                .withHeader(header)
                .withIssuer(issuer)
                .withAudience(audience)
                .withSubject(grant.userId().toString())
                .withClaim("org", grant.organizationId().toString())
                .withClaim("sid", grant.sessionId().toString())
                .withClaim(TYPE_CLAIM, ACCESS)
                .withIssuedAt(issuedAt)
                .withExpiresAt(issuedAt.plus(TokenLifetimes.ACCESS_TOKEN))
                .withJWTId(UUID.randomUUID().toString());
        if (grant.mfaEnrollmentRequired()) {
            access.withClaim(MFA_ENROLLMENT_CLAIM, true);
        }
        String accessToken = access.sign(signingAlgorithm);
        String refreshToken = JWT.create()
                .withHeader(header)
                .withIssuer(issuer)
                .withAudience(audience)
                .withSubject(grant.userId().toString())
                .withClaim("sid", grant.sessionId().toString())
                .withClaim(TYPE_CLAIM, REFRESH)
                .withIssuedAt(issuedAt)
                .withExpiresAt(issuedAt.plus(TokenLifetimes.REFRESH_TOKEN))
                .withJWTId(grant.refreshTokenId().value())
                .sign(signingAlgorithm);
        return new IssuedTokens(accessToken, refreshToken, TokenLifetimes.ACCESS_TOKEN);
    }

    /**
     * Verifies an access token. A client sends the same access token with every request for up
     * to an hour, so the claims of a token verified once are kept, keyed by the token's exact
     * text: the same text carries the same signature, so it needs no second check. Only its
     * expiry is checked again on each use.
     */
    @Override
    public AccessTokenClaims verifyAccessToken(String token) {
        VerifiedAccessToken known = verifiedAccessTokens.get(token);
        if (known != null) {
            if (clock.instant().isBefore(known.expiresAt())) {
                return known.claims();
            }
            verifiedAccessTokens.remove(token);
            throw new AuthenticationException(AuthenticationFailure.TOKEN_EXPIRED, ACCESS + " token expired");
        }

        DecodedJWT jwt = verify(token, ACCESS);
        AccessTokenClaims claims;
        try {
            claims = new AccessTokenClaims(
                    UserId.parse(jwt.getSubject()),
                    OrganizationId.parse(jwt.getClaim("org").asString()),
                    SessionId.parse(jwt.getClaim("sid").asString()),
                    Boolean.TRUE.equals(jwt.getClaim(MFA_ENROLLMENT_CLAIM).asBoolean()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid("access token carries malformed ids");
        }

        Instant expiresAt = jwt.getExpiresAtAsInstant();
        if (expiresAt != null) {
            if (verifiedAccessTokens.size() >= MAX_VERIFIED_ACCESS_TOKENS) {
                // Dropping everything is crude but bounded; tokens still in use are verified again.
                verifiedAccessTokens.clear();
            }
            verifiedAccessTokens.put(token, new VerifiedAccessToken(claims, expiresAt));
        }
        return claims;
    }

    @Override
    public RefreshTokenClaims verifyRefreshToken(String token) {
        DecodedJWT jwt = verify(token, REFRESH);
        try {
            return new RefreshTokenClaims(
                    UserId.parse(jwt.getSubject()),
                    SessionId.parse(jwt.getClaim("sid").asString()),
                    RefreshTokenId.of(jwt.getId()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid("refresh token carries malformed ids");
        }
    }

    private DecodedJWT verify(String token, String type) {
        DecodedJWT decoded;
        try {
            decoded = JWT.decode(token);
        } catch (JWTDecodeException e) {
            throw invalid("not a well-formed JWT");
        }
        if (!ALGORITHM.equals(decoded.getAlgorithm())) {
            throw invalid("algorithm " + decoded.getAlgorithm() + " is not accepted");
        }
        if (!HEADER_TYPE.equals(decoded.getType())) {
            throw invalid("header typ is not JWT");
        }
        Verifiers verifiers = decoded.getKeyId() == null ? null : verifiersByKeyId.get(decoded.getKeyId());
        if (verifiers == null) {
            throw invalid("unknown signing key id");
        }

        try {
            return (ACCESS.equals(type) ? verifiers.access() : verifiers.refresh()).verify(decoded);
        } catch (TokenExpiredException e) {
            throw new AuthenticationException(AuthenticationFailure.TOKEN_EXPIRED, type + " token expired");
        } catch (JWTVerificationException e) {
            throw invalid(type + " token rejected: " + e.getClass().getSimpleName());
        }
    }

    private static AuthenticationException invalid(String detail) {
        return new AuthenticationException(AuthenticationFailure.TOKEN_INVALID, detail);
    }
}
