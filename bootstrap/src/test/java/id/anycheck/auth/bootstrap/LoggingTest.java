package id.anycheck.auth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingTest {

    private static final String FIRST = "id.anycheck.auth.test.first";
    private static final String SECOND = "id.anycheck.auth.test.second";

    @Test
    void loggerLevelsAreParsedAndApplied() {
        Map<String, String> environment = new HashMap<>(TestService.lowCostEnvironment());
        environment.put("ANYCHECK_LOG_LEVELS", FIRST + "=debug, " + SECOND + " = ERROR");
        Map<String, String> levels = Settings.fromEnvironment(environment).operations().loggerLevels();

        Logging.applyLoggerLevels(levels);

        try {
            assertThat(levels).containsExactlyInAnyOrderEntriesOf(Map.of(FIRST, "DEBUG", SECOND, "ERROR"));
            assertThat(logger(FIRST).getLevel()).isEqualTo(Level.DEBUG);
            assertThat(logger(SECOND).getLevel()).isEqualTo(Level.ERROR);
        } finally {
            logger(FIRST).setLevel(null);
            logger(SECOND).setLevel(null);
        }
    }

    private static Logger logger(String name) {
        return (Logger) LoggerFactory.getLogger(name);
    }
}
