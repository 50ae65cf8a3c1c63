package id.anycheck.auth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class FailureMessagesTest {

    @Test
    void h2FileInUseNamesTheFix() {
        var failure = new IllegalStateException("Unable to obtain connection from database",
                new SQLException("Database may be already in use: \"/data/anycheck.mv.db\".\nPossible solutions", "90020"));

        assertThat(FailureMessages.describe(failure))
                .contains("in use by another process", "stop the other one first", "PostgreSQL")
                .doesNotContain("\n");
    }

    @Test
    void refusedConnectionNamesTheVariables() {
        var failure = new RuntimeException("wrapper", new SQLException("Connection to 127.0.0.1:1 refused.\nmore", "08001"));

        assertThat(FailureMessages.describe(failure))
                .startsWith("cannot connect to the database (Connection to 127.0.0.1:1 refused.)")
                .contains("ANYCHECK_DB_URL", "ANYCHECK_DB_USER", "ANYCHECK_DB_PASSWORD")
                .doesNotContain("more");
    }

    @Test
    void poolTimeoutShowsDriverReason() {
        var driver = new SQLException("Connection to 127.0.0.1:5999 refused. Check that the hostname and port are correct",
                "08001");
        var pool = new java.sql.SQLTransientConnectionException(
                "anycheck-db - Connection is not available, request timed out after 3000ms", "08001", driver);

        assertThat(FailureMessages.describe(new RuntimeException("Unable to obtain connection", pool)))
                .startsWith("cannot connect to the database (Connection to 127.0.0.1:5999 refused.");
    }

    @Test
    void unknownDatabaseIsConnectionFailure() {
        var failure = new RuntimeException(new SQLException("database \"nope\" does not exist", "3D000"));

        assertThat(FailureMessages.describe(failure)).startsWith("cannot connect to the database");
    }

    @Test
    void otherFailureKeepsFirstLine() {
        assertThat(FailureMessages.describe(new IllegalStateException("first line\nsecond line"))).isEqualTo("first line");
    }

    @Test
    void failureWithoutMessageNamesItsType() {
        assertThat(FailureMessages.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
