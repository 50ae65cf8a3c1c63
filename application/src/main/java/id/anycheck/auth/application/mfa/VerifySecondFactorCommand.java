package id.anycheck.auth.application.mfa;

import id.anycheck.auth.application.RequestOrigin;
import id.anycheck.auth.domain.error.FieldProblem;
import id.anycheck.auth.domain.error.InvalidInputException;
import id.anycheck.auth.domain.mfa.MfaToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Request to finish a login with a second factor: the MFA token and either a TOTP code or a
 * recovery code. Validates itself on construction.
 */
public record VerifySecondFactorCommand(MfaToken mfaToken, SecondFactor secondFactor, RequestOrigin origin) {

    /** The presented code and its kind. */
    public record SecondFactor(boolean recoveryCode, String code) {

        @Override
        public String toString() {
            return "SecondFactor[recoveryCode=" + recoveryCode + ", code=redacted]";
        }
    }

    public VerifySecondFactorCommand {
        Objects.requireNonNull(mfaToken, "mfaToken");
        Objects.requireNonNull(secondFactor, "secondFactor");
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * Builds the command from the raw strings of a request; null means the field was absent.
     *
     * @throws InvalidInputException if the token is missing or empty, or not exactly one of the
     *     code and the recovery code is given
     */
    public static VerifySecondFactorCommand of(String mfaToken, String code, String recoveryCode,
            RequestOrigin origin) {
        List<FieldProblem> problems = new ArrayList<>();
        if (mfaToken == null) {
            problems.add(new FieldProblem("mfa_token", "is required"));
        } else if (mfaToken.isEmpty()) {
            problems.add(new FieldProblem("mfa_token", "must not be empty"));
        }
        if (code == null && recoveryCode == null) {
            problems.add(new FieldProblem("code", "either code or recovery_code is required"));
        } else if (code != null && recoveryCode != null) {
            problems.add(new FieldProblem("recovery_code", "send either code or recovery_code, not both"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        SecondFactor secondFactor = code != null ? new SecondFactor(false, code) : new SecondFactor(true, recoveryCode);
        return new VerifySecondFactorCommand(MfaToken.of(mfaToken), secondFactor, origin);
    }
}
