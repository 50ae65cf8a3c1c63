package id.anycheck.auth.application.mfa;

import id.anycheck.auth.domain.mfa.RecoveryCode;
import id.anycheck.auth.domain.mfa.TotpEnrolment;
import id.anycheck.auth.domain.port.TotpGenerator;
import id.anycheck.auth.domain.port.TotpRepository;
import id.anycheck.auth.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Spends a second factor of a user with MFA on: a TOTP code, whose time step is then used up,
 * or a recovery code, which then no longer works. Thread-safe.
 */
final class SecondFactorCheck {

    /** The kind of code, as named in logs and audit records. */
    enum Method {
        TOTP("totp"),
        RECOVERY_CODE("recovery_code");

        private final String externalName;

        Method(String externalName) {
            this.externalName = externalName;
        }

        String externalName() {
            return externalName;
        }
    }

    private final TotpRepository totp;
    private final TotpCodes codes;

    SecondFactorCheck(TotpRepository totp, TotpGenerator generator) {
        this.totp = totp;
        this.codes = new TotpCodes(generator);
    }

    /** Returns TOTP for six digits and RECOVERY_CODE for anything else, as the disable route accepts both. */
    static Method methodOf(String code) {
        return code.length() == 6 && code.chars().allMatch(c -> c >= '0' && c <= '9') ? Method.TOTP
                : Method.RECOVERY_CODE;
    }

    /** Spends the code. Returns false, spending nothing, if it is wrong or reused, or if MFA is off. */
    boolean spend(UserId userId, Method method, String code, Instant now) {
        return switch (method) {
            case TOTP -> spendTotpCode(userId, code, now);
            case RECOVERY_CODE -> spendRecoveryCode(userId, code, now);
        };
    }

    private boolean spendTotpCode(UserId userId, String code, Instant now) {
        Optional<TotpEnrolment> enrolment = totp.find(userId).filter(TotpEnrolment::confirmed);
        if (enrolment.isEmpty()) {
            return false;
        }
        OptionalLong step = codes.matchingStep(enrolment.get(), code, now);
        // The repository accepts the step only if it is still later than the last one used, so
        // of two requests racing with one code, one wins.
        return step.isPresent() && totp.useTimeStep(userId, step.getAsLong());
    }

    private boolean spendRecoveryCode(UserId userId, String code, Instant now) {
        return RecoveryCode.parse(code)
                .map(recoveryCode -> totp.useRecoveryCode(userId, recoveryCode.hash(), now))
                .orElse(false);
    }
}
