package id.anycheck.auth.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.Map;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/** Settings of Logback that logback.xml cannot express, applied from code. */
final class Logging {

    private Logging() {
    }

    /** Sets the level of each named logger; the names and levels were checked by {@link Settings}. */
    static void applyLoggerLevels(Map<String, String> levels) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            LoggerFactory.getLogger(Logging.class).warn("{} ignored: the logging backend is not Logback",
                    Variable.LOG_LEVELS.key());
            return;
        }
        levels.forEach((name, level) -> context.getLogger(name).setLevel(Level.toLevel(level)));
    }
}
