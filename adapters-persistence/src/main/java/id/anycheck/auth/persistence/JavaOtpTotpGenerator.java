package id.anycheck.auth.persistence;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import id.anycheck.auth.domain.mfa.TimeStep;
import id.anycheck.auth.domain.mfa.TotpSecret;
import id.anycheck.auth.domain.port.TotpGenerator;
import java.security.InvalidKeyException;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;

/**
 * TOTP codes computed by java-otp (RFC 6238 with HMAC-SHA-1, 6 digits, 30-second steps), and
 * secrets written in base32 by Bouncy Castle. java-otp clones its MAC for each code, so one
 * instance serves all threads. Thread-safe.
 */
public final class JavaOtpTotpGenerator implements TotpGenerator {

    private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(
            TimeStep.LENGTH, 6, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

    @Override
    public String codeAt(TotpSecret secret, long timeStep) {
        try {
            SecretKeySpec key = new SecretKeySpec(secret.bytes(), generator.getAlgorithm());
            return generator.generateOneTimePasswordString(key, TimeStep.start(timeStep), Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA-1 rejected a TOTP secret of " + secret.bytes().length
                    + " bytes", e);
        }
    }

    @Override
    public String base32(TotpSecret secret) {
        return Base32.toBase32String(secret.bytes()).replace("=", "");
    }
}
