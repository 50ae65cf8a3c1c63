package id.anycheck.auth.domain.lockout;

import java.util.Objects;

/**
 * Keys of the counts one login attempt touches: SHA-256 digests (hex) of the normalized email,
 * of the email with the client network, and of the client network. Digests keep the emails that
 * were tried, many of them without an account, out of the table.
 */
public record LoginAttemptKeys(String email, String emailAndClient, String client) {

    public LoginAttemptKeys {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(emailAndClient, "emailAndClient");
        Objects.requireNonNull(client, "client");
    }

    public String keyOf(ThrottleScope scope) {
        return switch (scope) {
            case EMAIL_AND_CLIENT -> emailAndClient;
            case EMAIL -> email;
            case CLIENT -> client;
        };
    }
}
