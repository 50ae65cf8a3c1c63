package id.anycheck.auth.domain.port;

import id.anycheck.auth.domain.mfa.TotpSecret;

/**
 * Port: the TOTP algorithm of RFC 6238 with the parameters authenticator apps use by default:
 * HMAC-SHA-1, 6 digits, 30-second steps. Thread-safe.
 */
public interface TotpGenerator {

    /** Returns the 6-digit code of the time step, with leading zeros. */
    String codeAt(TotpSecret secret, long timeStep);

    /** Returns the secret in unpadded RFC 4648 base32, the form authenticator apps accept. */
    String base32(TotpSecret secret);
}
