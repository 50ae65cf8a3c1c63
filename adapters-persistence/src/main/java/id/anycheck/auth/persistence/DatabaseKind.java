package id.anycheck.auth.persistence;

/** The databases this adapter supports. */
public enum DatabaseKind {
    H2("jdbc:h2:", "H2"),
    POSTGRESQL("jdbc:postgresql:", "PostgreSQL");

    private final String urlPrefix;
    private final String displayName;

    DatabaseKind(String urlPrefix, String displayName) {
        this.urlPrefix = urlPrefix;
        this.displayName = displayName;
    }

    /** Returns the product name as its makers write it, for messages. */
    public String displayName() {
        return displayName;
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
