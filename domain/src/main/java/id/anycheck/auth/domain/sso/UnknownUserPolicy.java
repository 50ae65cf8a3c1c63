package id.anycheck.auth.domain.sso;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Rule for a person of an allowed tenant who matches no user. */
public enum UnknownUserPolicy {
    /** The sign-in is rejected; an Admin adds the user first. */
    REJECT,
    /** The person becomes a User of the organization's default single sign-on group. */
    CREATE;

    /** Returns the lower-case name used in the API, such as {@code reject}. */
    public String externalName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<UnknownUserPolicy> byExternalName(String name) {
        return Arrays.stream(values()).filter(policy -> policy.externalName().equals(name)).findFirst();
    }
}
