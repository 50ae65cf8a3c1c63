package id.anycheck.auth.domain.verification;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Processing state of a verification. This service only records requests; the processing
 * services outside it move them on, so every record here is created {@link #PENDING}.
 */
public enum VerificationStatus {
    PENDING,
    PROCESSING,
    COMPLETED,
    FAILED;

    public String externalName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<VerificationStatus> byName(String name) {
        return Arrays.stream(values()).filter(status -> status.externalName().equals(name)).findFirst();
    }
}
