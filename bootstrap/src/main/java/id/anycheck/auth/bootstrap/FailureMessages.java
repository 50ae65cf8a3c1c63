package id.anycheck.auth.bootstrap;

import java.sql.SQLException;
import java.util.Optional;

/** One-line explanations, with the fix, of the failures a command-line user can act on. */
final class FailureMessages {

    /** H2's SQLSTATE for a database file that another process has open. */
    private static final String H2_FILE_IN_USE = "90020";
    /** SQLSTATE classes for failed connections (08), failed logins (28) and unknown databases (3D). */
    private static final String[] CONNECTION_STATE_CLASSES = {"08", "28", "3D"};

    private FailureMessages() {
    }

    static String describe(Throwable failure) {
        Optional<SQLException> sql = sqlCause(failure);
        if (sql.isPresent() && H2_FILE_IN_USE.equals(sql.get().getSQLState())) {
            return "the H2 database file is in use by another process, such as a running serve. An H2 file allows"
                    + " one process at a time: stop the other one first, or use PostgreSQL for several processes.";
        }
        if (sql.isPresent() && isConnectionFailure(sql.get())) {
            return "cannot connect to the database (" + firstLine(sql.get().getMessage()) + "). Check ANYCHECK_DB_URL,"
                    + " ANYCHECK_DB_USER and ANYCHECK_DB_PASSWORD, and that the database server is running.";
        }
        String message = firstLine(failure.getMessage());
        if (message.contains("but no schema history table")) {
            return "the database already has tables that anycheck-auth did not create. Point ANYCHECK_DB_URL at an"
                    + " empty database.";
        }
        return message.isEmpty() ? failure.getClass().getSimpleName() : message;
    }

    /**
     * Returns the innermost SQLException of the chain: the driver's own, which names the real
     * cause, rather than the pool's "connection is not available" that wraps it.
     */
    private static Optional<SQLException> sqlCause(Throwable failure) {
        SQLException innermost = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                innermost = sql;
            }
        }
        return Optional.ofNullable(innermost);
    }

    private static boolean isConnectionFailure(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            return false;
        }
        for (String stateClass : CONNECTION_STATE_CLASSES) {
            if (state.startsWith(stateClass)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        return message.strip().lines().findFirst().orElse("").strip();
    }
}
