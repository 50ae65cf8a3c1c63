package id.anycheck.auth.domain.verification;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The verification services this deployment offers, which groups enable a subset of. */
public final class ServiceCatalogue {

    public static final List<String> DEFAULT_SERVICES = List.of("identity_check", "face_match", "liveness",
            "document_ocr");
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final Set<String> services;

    /** @throws IllegalArgumentException for an empty list or a name that is not lower_snake_case */
    public ServiceCatalogue(List<String> services) {
        if (services.isEmpty()) {
            throw new IllegalArgumentException("the catalogue needs at least one service");
        }
        for (String service : services) {
            if (!isValidName(service)) {
                throw new IllegalArgumentException("invalid service name '" + service
                        + "': use lower_snake_case, 1 to 64 characters");
            }
        }
        this.services = Collections.unmodifiableSet(new LinkedHashSet<>(services));
    }

    public static boolean isValidName(String service) {
        return service != null && SERVICE_NAME.matcher(service).matches();
    }

    public boolean offers(String service) {
        return services.contains(service);
    }

    /** Returns the services in their configured order. */
    public Set<String> services() {
        return services;
    }
}
