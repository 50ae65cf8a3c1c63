package id.anycheck.auth.bootstrap;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of how the service is run and watched rather than what it does.
 *
 * @param metricsToken the bearer token that {@code GET /metrics} requires; empty when it is public
 * @param shutdownTimeout how long a stopping server waits for requests in progress
 * @param loggerLevels levels of single loggers by logger name, applied when a server starts
 * @param singleSignOnConfigured whether every ANYCHECK_ENTRA_* variable that SSO needs is set
 */
record OperationsSettings(
        Optional<String> metricsToken,
        Duration shutdownTimeout,
        Map<String, String> loggerLevels,
        boolean singleSignOnConfigured) {

    OperationsSettings {
        loggerLevels = Map.copyOf(loggerLevels);
    }

    @Override
    public String toString() {
        return "OperationsSettings[metricsToken=" + (metricsToken.isPresent() ? "(set)" : "(unset)")
                + ", shutdownTimeout=" + shutdownTimeout + ", loggerLevels=" + loggerLevels
                + ", singleSignOnConfigured=" + singleSignOnConfigured + "]";
    }
}
