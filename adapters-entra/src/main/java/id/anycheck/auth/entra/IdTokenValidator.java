package id.anycheck.auth.entra;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import id.anycheck.auth.domain.error.IdentityProviderException;
import id.anycheck.auth.domain.error.IdentityProviderException.Reason;
import id.anycheck.auth.domain.sso.ExternalIdentity;
import id.anycheck.auth.domain.user.EmailAddress;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import java.util.Set;

/**
 * Validates an ID token: its RS256 signature with a key of the provider's JWKS, and its
 * issuer, audience (the client id), expiry, not-before time and nonce. MSAL4J parses ID
 * tokens without validating them, so this class does it. Thread-safe.
 */
final class IdTokenValidator {

    /** Clock difference tolerated between this server and the provider, in seconds. */
    private static final int MAX_CLOCK_SKEW_SECONDS = 60;
    private static final Set<String> REQUIRED_CLAIMS = Set.of("iss", "sub", "aud", "exp", "iat", "nonce", "tid", "oid");

    private final ProviderMetadata metadata;
    private final DefaultJWTProcessor<SecurityContext> processor;

    IdTokenValidator(ProviderMetadata metadata, String clientId, ResourceRetriever retriever, Clock clock) {
        this.metadata = metadata;
        JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(metadata.jwksUri(), retriever)
                .refreshAheadCache(false)
                .retrying(false)
                .build();
        DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier =
                new DefaultJWTClaimsVerifier<>(clientId, null, REQUIRED_CLAIMS) {
                    @Override
                    protected Date currentTime() {
                        return Date.from(clock.instant());
                    }
                };
        claimsVerifier.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
        processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(claimsVerifier);
    }

    /**
     * Returns the identity in a valid token that carries {@code expectedNonce}.
     *
     * @throws IdentityProviderException with {@code UNREACHABLE} if the signing keys cannot be
     *     read, or {@code ID_TOKEN_INVALID} if the token fails any check
     */
    ExternalIdentity validate(String idToken, String expectedNonce) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(idToken, null);
        } catch (KeySourceException e) {
            throw new IdentityProviderException(Reason.UNREACHABLE,
                    "the signing keys at " + metadata.jwksUri() + " could not be read: " + e.getMessage(), e);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw invalid("validation failed: " + e.getMessage());
        }

        String tenantId = text(claims, "tid");
        if (!metadata.issuerOf(tenantId).equals(claims.getIssuer())) {
            throw invalid("issuer " + claims.getIssuer() + " is not " + metadata.issuerOf(tenantId));
        }
        if (!constantTimeEquals(expectedNonce, text(claims, "nonce"))) {
            throw invalid("nonce differs from the one of the sign-in request");
        }
        return new ExternalIdentity(tenantId, text(claims, "oid"), verifiedEmail(claims),
                Optional.ofNullable(optionalText(claims, "name")));
    }

    /**
     * Returns the {@code email} claim if the provider marks it as verified, with OpenID Connect's
     * {@code email_verified} or Entra's optional claim {@code xms_edov} (email domain owner
     * verified). Entra sends neither by default, so without {@code xms_edov} configured in the app
     * registration no email counts as verified.
     */
    private static Optional<EmailAddress> verifiedEmail(JWTClaimsSet claims) {
        String email = optionalText(claims, "email");
        if (email == null || !(isTrue(claims, "email_verified") || isTrue(claims, "xms_edov"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(EmailAddress.parse(email));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Returns whether a claim is the boolean true, or the text "true" or "1" that some providers send. */
    private static boolean isTrue(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return Boolean.TRUE.equals(value) || "true".equals(value) || "1".equals(value);
    }

    private static String text(JWTClaimsSet claims, String name) {
        String value = optionalText(claims, name);
        if (value == null || value.isBlank()) {
            throw invalid("claim " + name + " is missing or empty");
        }
        return value;
    }

    private static String optionalText(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw invalid("claim " + name + " is not a string");
        }
    }

    private static boolean constantTimeEquals(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    private static IdentityProviderException invalid(String detail) {
        return new IdentityProviderException(Reason.ID_TOKEN_INVALID, "ID token rejected: " + detail);
    }
}
