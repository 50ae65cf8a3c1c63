package id.anycheck.auth.domain.mfa;

import id.anycheck.auth.domain.user.UserId;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A user's TOTP authenticator. It is pending from enrolment until the user proves, with a first
 * code, that the authenticator works; then it is confirmed and MFA is on.
 *
 * @param id changes with every enrolment, so a confirmation applies to the secret it checked
 * @param lastUsedStep the latest time step whose code was accepted; codes of that step and
 *     earlier ones are rejected, so no code works twice
 */
public record TotpEnrolment(UUID id, UserId userId, TotpSecret secret, boolean confirmed, OptionalLong lastUsedStep) {

    public TotpEnrolment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(lastUsedStep, "lastUsedStep");
    }
}
