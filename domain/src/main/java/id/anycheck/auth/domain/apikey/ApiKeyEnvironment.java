package id.anycheck.auth.domain.apikey;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Environment an API key is issued for; it is part of the key's prefix, so it cannot be mixed up. */
public enum ApiKeyEnvironment {
    LIVE,
    TEST;

    /** Returns the environment with this name, ignoring case, or empty for an unknown name. */
    public static Optional<ApiKeyEnvironment> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String upper = name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(environment -> environment.name().equals(upper)).findFirst();
    }

    /** Returns the lower-case name used in keys, JSON and on the command line. */
    public String externalName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
