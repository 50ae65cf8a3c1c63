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
    /** A user confirmed TOTP enrolment, which turned MFA on. */
    MFA_ENABLED,
    MFA_DISABLED,
    MFA_RECOVERY_CODE_USED,
    /** A code presented with an MFA token, or to turn MFA off, was wrong or reused. */
    MFA_VERIFICATION_FAILED;

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
