package id.anycheck.auth.persistence;

import java.sql.SQLException;
import org.jdbi.v3.core.JdbiException;

/** Recognizes a unique-constraint violation, SQLSTATE 23505 in both H2 and PostgreSQL. */
final class UniqueViolation {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {
    }

    static boolean causedBy(JdbiException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
