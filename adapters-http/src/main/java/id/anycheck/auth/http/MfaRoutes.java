package id.anycheck.auth.http;

import id.anycheck.auth.application.Authentication;
import id.anycheck.auth.application.mfa.ConfirmTotp;
import id.anycheck.auth.application.mfa.DisableTotp;
import id.anycheck.auth.application.mfa.EnrolTotp;
import id.anycheck.auth.application.mfa.VerifySecondFactor;
import id.anycheck.auth.application.mfa.VerifySecondFactorCommand;
import id.anycheck.auth.domain.principal.UserPrincipal;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * Handlers of {@code /auth/mfa}: a user enrols, confirms and disables a TOTP authenticator, and a
 * login that returned MFA_REQUIRED finishes at {@code /auth/mfa/verify}.
 */
final class MfaRoutes {

    record EnrolmentResponse(String secret, String otpauthUri) {

        @Override
        public String toString() {
            return "EnrolmentResponse[redacted]";
        }
    }

    record RecoveryCodesResponse(List<String> recoveryCodes) {

        @Override
        public String toString() {
            return "RecoveryCodesResponse[redacted]";
        }
    }

    private final EnrolTotp enrolTotp;
    private final ConfirmTotp confirmTotp;
    private final DisableTotp disableTotp;
    private final VerifySecondFactor verifySecondFactor;
    private final long maxBodyBytes;

    MfaRoutes(UseCases useCases, HttpSettings settings) {
        this.enrolTotp = useCases.enrolTotp();
        this.confirmTotp = useCases.confirmTotp();
        this.disableTotp = useCases.disableTotp();
        this.verifySecondFactor = useCases.verifySecondFactor();
        this.maxBodyBytes = settings.maxBodyBytes();
    }

    void enrol(Context ctx) {
        UserPrincipal user = AuthenticationFilter.userPrincipal(ctx);
        JsonBody.readOptional(ctx, maxBodyBytes).validate();

        EnrolTotp.StartedEnrolment enrolment = enrolTotp.enrol(user);

        Envelope.success(ctx, 200, new EnrolmentResponse(enrolment.secret(), enrolment.otpauthUri()));
    }

    void confirm(Context ctx) {
        UserPrincipal user = AuthenticationFilter.userPrincipal(ctx);
        JsonBody body = JsonBody.read(ctx, maxBodyBytes);
        String code = body.requiredString("code");
        body.validate();

        List<String> recoveryCodes = confirmTotp.confirm(user, clientIp(ctx), code);

        Envelope.success(ctx, 200, new RecoveryCodesResponse(recoveryCodes));
    }

    void disable(Context ctx) {
        UserPrincipal user = AuthenticationFilter.userPrincipal(ctx);
        JsonBody body = JsonBody.read(ctx, maxBodyBytes);
        String code = body.requiredString("code");
        body.validate();

        disableTotp.disable(user, clientIp(ctx), code);

        Envelope.noContent(ctx);
    }

    void verify(Context ctx) {
        JsonBody body = JsonBody.read(ctx, maxBodyBytes);
        String mfaToken = body.requiredString("mfa_token");
        String code = body.optionalString("code").orElse(null);
        String recoveryCode = body.optionalString("recovery_code").orElse(null);
        body.validate();

        Authentication authentication = verifySecondFactor.verify(
                VerifySecondFactorCommand.of(mfaToken, code, recoveryCode, AuthRoutes.origin(ctx)));

        AuthRoutes.noStore(ctx);
        Envelope.success(ctx, 200, AuthRoutes.TokenResponse.of(authentication));
    }

    private static Optional<String> clientIp(Context ctx) {
        return Optional.ofNullable(ClientAddressResolver.of(ctx));
    }
}
