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
    SSO_SETTINGS_CHANGED;

    /** Returns the dotted lower-case name, such as {@code api_key.issued} or {@code group.services_changed}. */
    public String externalName() {
        String lower = name().toLowerCase(Locale.ROOT);
        int split = lower.startsWith("api_key_") ? "api_key".length() : lower.indexOf('_');
        return lower.substring(0, split) + "." + lower.substring(split + 1);
    }

    /** Returns the type with this external name, or empty for an unknown one. */
    public static Optional<AuditEventType> byExternalName(String name) {
        return Arrays.stream(values()).filter(type -> type.externalName().equals(name)).findFirst();
    }
}
