package id.anycheck.auth.persistence;

import id.anycheck.auth.domain.error.StorageUnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;

/** Translates connection failures into the domain's {@link StorageUnavailableException}. */
final class Storage {

    /** SQLSTATE class 08 is "connection exception" in both H2 and PostgreSQL. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    private Storage() {
    }

    static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (JdbiException e) {
            if (isConnectionFailure(e)) {
                throw new StorageUnavailableException("database unreachable: " + innermostMessage(e), e);
            }
            throw e;
        }
    }

    static void run(Runnable operation) {
        call(() -> {
            operation.run();
            return null;
        });
    }

    /** Returns the first line of the innermost cause's message, which names the real problem. */
    private static String innermostMessage(Throwable e) {
        Throwable innermost = e;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage();
        String firstLine = message == null ? "" : message.strip().lines().findFirst().orElse("");
        return innermost.getClass().getSimpleName() + (firstLine.isEmpty() ? "" : ": " + firstLine);
    }

    private static boolean isConnectionFailure(JdbiException e) {
        if (e instanceof ConnectionException) {
            return true;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)) {
                return true;
            }
        }
        return false;
    }
}
