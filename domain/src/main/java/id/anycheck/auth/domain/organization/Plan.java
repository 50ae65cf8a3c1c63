package id.anycheck.auth.domain.organization;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Commercial plan of an organization, named in its contract. */
public enum Plan {
    STARTER,
    BUSINESS,
    ENTERPRISE;

    /** Returns the plan with this name, ignoring case, or empty for an unknown name. */
    public static Optional<Plan> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String upper = name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(plan -> plan.name().equals(upper)).findFirst();
    }

    /** Returns the lower-case name used in JSON and on the command line. */
    public String externalName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
