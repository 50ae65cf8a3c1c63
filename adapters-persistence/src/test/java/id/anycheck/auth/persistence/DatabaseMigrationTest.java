package id.anycheck.auth.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseMigrationTest {

    @Test
    void secondMigrateAppliesNothing() {
        try (TestDatabase testDatabase = TestDatabase.h2()) {
            assertThat(testDatabase.database().migrate()).isZero();
        }
    }

    @Test
    void migrateCreatesCoreTables() {
        try (TestDatabase testDatabase = TestDatabase.h2()) {
            List<String> tables = testDatabase.database().jdbi().withHandle(handle -> handle
                    .createQuery("""
                            SELECT LOWER(table_name) FROM information_schema.tables
                             WHERE LOWER(table_schema) = 'public'
                            """)
                    .mapTo(String.class)
                    .list());

            assertThat(tables).contains(
                    "organizations", "organization_groups", "users", "memberships", "sessions", "signing_keys");
        }
    }

    @Test
    void kindOfOpenedDatabase() {
        try (TestDatabase testDatabase = TestDatabase.h2()) {
            assertThat(testDatabase.database().kind()).isEqualTo(DatabaseKind.H2);
        }
    }
}
