package id.anycheck.auth.application.mfa;

import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.AuthenticationFailure;
import id.anycheck.auth.domain.error.ConflictException;
import id.anycheck.auth.domain.mfa.TimeStep;
import id.anycheck.auth.domain.mfa.TotpSecret;
import id.anycheck.auth.domain.port.TotpGenerator;
import id.anycheck.auth.domain.port.TotpRepository;
import id.anycheck.auth.domain.port.UserRepository;
import id.anycheck.auth.domain.principal.UserPrincipal;
import id.anycheck.auth.domain.user.User;
import java.lang.System.Logger.Level;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Use case: start TOTP enrolment. Draws a new secret and stores it as pending, replacing a
 * pending one. MFA is on only after {@link ConfirmTotp}. Thread-safe.
 */
public final class EnrolTotp {

    /** The issuer that authenticator apps show next to the account. */
    static final String ISSUER = "AnyCheck";

    private static final System.Logger LOG = System.getLogger(EnrolTotp.class.getName());

    /**
     * The new secret in base32 and the {@code otpauth://} URI that carries it to an authenticator
     * app, usually shown as a QR code. Neither is ever returned again.
     */
    public record StartedEnrolment(String secret, String otpauthUri) {

        @Override
        public String toString() {
            return "StartedEnrolment[redacted]";
        }
    }

    private final UserRepository users;
    private final TotpRepository totp;
    private final TotpGenerator generator;
    private final SecureRandom random;
    private final Clock clock;

    public EnrolTotp(UserRepository users, TotpRepository totp, TotpGenerator generator, SecureRandom random,
            Clock clock) {
        this.users = users;
        this.totp = totp;
        this.generator = generator;
        this.random = random;
        this.clock = clock;
    }

    /** @throws ConflictException if the user already has MFA on */
    public StartedEnrolment enrol(UserPrincipal principal) {
        User user = users.findById(principal.userId()).orElseThrow(() -> new AuthenticationException(
                AuthenticationFailure.TOKEN_REVOKED, "user " + principal.userId() + " no longer exists"));

        TotpSecret secret = TotpSecret.generate(random);
        if (!totp.savePending(user.id(), UUID.randomUUID(), secret, clock.instant())) {
            throw new ConflictException("Multi-factor authentication is already on. Turn it off with"
                    + " DELETE /auth/mfa/totp before enrolling another authenticator.");
        }

        LOG.log(Level.INFO, "User {0} started TOTP enrolment", user.id());
        String base32 = generator.base32(secret);
        return new StartedEnrolment(base32, otpauthUri(user.email().value(), base32));
    }

    /** Builds the key URI that authenticator apps read: label, secret, issuer and the algorithm's parameters. */
    private static String otpauthUri(String accountName, String base32Secret) {
        return "otpauth://totp/" + encode(ISSUER) + ":" + encode(accountName)
                + "?secret=" + base32Secret
                + "&issuer=" + encode(ISSUER)
                + "&algorithm=SHA1&digits=6&period=" + TimeStep.LENGTH.toSeconds();
    }

    /** Percent-encodes a URI component. URLEncoder writes a space as "+", which the label must not contain. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
