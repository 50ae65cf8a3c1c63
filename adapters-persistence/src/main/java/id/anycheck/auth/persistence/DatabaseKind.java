package id.anycheck.auth.persistence;

/** The databases this adapter supports. */
public enum DatabaseKind {
    H2("jdbc:h2:"),
    POSTGRESQL("jdbc:postgresql:");

    private final String urlPrefix;

    DatabaseKind(String urlPrefix) {
        this.urlPrefix = urlPrefix;
    }

    /** Returns the kind for a JDBC URL; throws IllegalArgumentException for any other URL. */
    public static DatabaseKind of(String jdbcUrl) {
        for (DatabaseKind kind : values()) {
            if (jdbcUrl.startsWith(kind.urlPrefix)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(
                "unsupported JDBC URL: expected one starting with jdbc:h2: or jdbc:postgresql:");
    }
}
