package id.anycheck.auth.application.fakes;

import id.anycheck.auth.domain.mfa.TotpSecret;
import id.anycheck.auth.domain.port.TotpGenerator;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * {@link TotpGenerator} whose 6-digit codes are a simple function of the secret and the time
 * step, so tests can compute the code of any step. It is not RFC 6238, whose algorithm is
 * tested with the persistence adapter. Thread-safe.
 */
public final class FakeTotpGenerator implements TotpGenerator {

    @Override
    public String codeAt(TotpSecret secret, long timeStep) {
        long mixed = Arrays.hashCode(secret.bytes()) * 31L + timeStep * 7919L;
        return String.format(Locale.ROOT, "%06d", Math.floorMod(mixed, 1_000_000L));
    }

    /** Returns hex in place of base32, because only tests read it. */
    @Override
    public String base32(TotpSecret secret) {
        return HexFormat.of().formatHex(secret.bytes());
    }
}
