package id.anycheck.auth.domain.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Kind of a recorded event. The external names are stored and shown to Admins: add, never rename. */
public enum AuditEventType {
    API_KEY_ISSUED,
    API_KEY_ROTATED,
    API_KEY_REVOKED,
    /** A presented API key was refused: malformed, unknown, revoked, expired or of an inactive organization. */
    API_KEY_REJECTED,
    ORGANIZATION_UPDATED,
    ORGANIZATION_PLAN_CHANGED,
    GROUP_CREATED,
    GROUP_UPDATED,
    GROUP_DELETED,
    GROUP_SERVICES_CHANGED,
    USER_CREATED,
    USER_UPDATED,
    USER_DEACTIVATED,
    USER_REACTIVATED,
    USER_PASSWORD_RESET,
    /** A user changed their own password. */
    USER_PASSWORD_CHANGED,
    ADMIN_GRANTED,
    ADMIN_REVOKED,
    MEMBERSHIP_SET,
    MEMBERSHIP_REMOVED,
    VERIFICATION_CREATED,
    /** A user signed in through single sign-on. */
    SSO_LOGIN_SUCCEEDED,
    /** A single sign-on was refused: tenant not allowed, unknown user, inactive account or a user linked to another identity. */
    SSO_LOGIN_REJECTED,
    /** An existing user was linked to their identity at the provider by a verified email. */
    SSO_USER_LINKED,
    /** Single sign-on created a user for a person of an allowed tenant. */
    SSO_USER_CREATED,
    /** An Admin changed the organization's single sign-on settings. */
    SSO_SETTINGS_CHANGED,
    /** A user confirmed TOTP enrolment, which turned MFA on. */
    MFA_ENABLED,
    MFA_DISABLED,
    MFA_RECOVERY_CODE_USED,
    /** A code presented with an MFA token, or to turn MFA off, was wrong or reused. */
    MFA_VERIFICATION_FAILED,
    /** A session started after a password, a second factor or single sign-on proved the user. */
    LOGIN_SUCCEEDED,
    /** A login was rejected: unknown email, wrong password, no password set, or inactive account. */
    LOGIN_FAILED,
    /** Failed logins locked an email from one client, an email everywhere, or a client address. */
    LOGIN_LOCKED,
    /** A user logged in from a client address and user agent not seen for them in the remembered period. */
    NEW_DEVICE_LOGIN("login.new_device"),
    /** One client address failed to log in as many different emails. */
    CREDENTIAL_STUFFING_SUSPECTED("login.credential_stuffing_suspected"),
    /** An Admin ended the login lockouts of a user. */
    USER_UNLOCKED,
    SESSION_LOGGED_OUT,
    /** A spent refresh token was presented again, so its session was revoked. */
    REFRESH_TOKEN_REUSED("session.refresh_token_reused"),
    /** An API key was used from a network not seen for it in the remembered period. */
    API_KEY_NEW_SOURCE,
    /** The first request over an organization's or group's rate limit in a window; later ones are only counted. */
    RATE_LIMIT_EXCEEDED("rate_limit.exceeded");

    private final String externalName;

    /** Derives the external name: the first word, a dot, then the rest ({@code api_key} counts as one word). */
    AuditEventType() {
        String lower = name().toLowerCase(Locale.ROOT);
        int split = lower.startsWith("api_key_") ? "api_key".length() : lower.indexOf('_');
        this.externalName = lower.substring(0, split) + "." + lower.substring(split + 1);
    }

    AuditEventType(String externalName) {
        this.externalName = externalName;
    }

    /** Returns the dotted lower-case name, such as {@code api_key.issued} or {@code group.services_changed}. */
    public String externalName() {
        return externalName;
    }

    /** Returns the type with this external name, or empty for an unknown one. */
    public static Optional<AuditEventType> byExternalName(String name) {
        return Arrays.stream(values()).filter(type -> type.externalName().equals(name)).findFirst();
    }

    /** Returns the type with this external name or constant name (such as {@code NEW_DEVICE_LOGIN}), or empty. */
    public static Optional<AuditEventType> byAnyName(String name) {
        return byExternalName(name).or(() -> Arrays.stream(values())
                .filter(type -> type.name().equals(name))
                .findFirst());
    }
}
