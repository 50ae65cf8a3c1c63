package id.anycheck.auth.application.mfa;

import id.anycheck.auth.domain.mfa.TimeStep;
import id.anycheck.auth.domain.mfa.TotpEnrolment;
import id.anycheck.auth.domain.port.TotpGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

/** Checks a presented TOTP code against an enrolment's secret. Thread-safe. */
final class TotpCodes {

    private static final int DIGITS = 6;

    private final TotpGenerator generator;

    TotpCodes(TotpGenerator generator) {
        this.generator = generator;
    }

    /**
     * Returns the time step whose code matches: the current step or one on either side, and
     * only a step later than the last one used, so a code that worked once never works again.
     * Every candidate is compared in constant time. Empty when nothing matches.
     */
    OptionalLong matchingStep(TotpEnrolment enrolment, String code, Instant now) {
        if (code == null || code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        byte[] presented = code.getBytes(StandardCharsets.US_ASCII);
        long current = TimeStep.at(now);
        long lastUsedStep = enrolment.lastUsedStep().orElse(Long.MIN_VALUE);
        OptionalLong matched = OptionalLong.empty();
        for (long step = current - TimeStep.ACCEPTED_DRIFT; step <= current + TimeStep.ACCEPTED_DRIFT; step++) {
            byte[] expected = generator.codeAt(enrolment.secret(), step).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, presented) && step > lastUsedStep && matched.isEmpty()) {
                matched = OptionalLong.of(step);
            }
        }
        return matched;
    }
}
