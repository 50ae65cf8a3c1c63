package id.anycheck.auth.persistence;

import java.sql.SQLException;
import java.util.Locale;
import org.jdbi.v3.core.JdbiException;

/** Recognizes a unique-constraint violation, SQLSTATE 23505 in both H2 and PostgreSQL. */
final class UniqueViolation {

    private static final String UNIQUE_VIOLATION = "23505";
    static final String EMAIL_CONSTRAINT = "users_email_lookup_key_unique";
    static final String GROUP_NAME_CONSTRAINT = "organization_groups_name_unique";

    private UniqueViolation() {
    }

    static boolean causedBy(JdbiException e) {
        return violation(e) != null;
    }

    /**
     * Returns whether the failure is a violation of the named constraint. Both databases name
     * the constraint in the message: H2 in upper case, PostgreSQL as declared.
     */
    static boolean ofConstraint(JdbiException e, String constraint) {
        SQLException violation = violation(e);
        return violation != null && violation.getMessage() != null
                && violation.getMessage().toLowerCase(Locale.ROOT).contains(constraint.toLowerCase(Locale.ROOT));
    }

    private static SQLException violation(JdbiException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return sql;
            }
        }
        return null;
    }
}
