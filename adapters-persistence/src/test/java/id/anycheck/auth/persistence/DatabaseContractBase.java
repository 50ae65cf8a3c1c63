package id.anycheck.auth.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the contract tests: one migrated database per test class, chosen by the subclass.
 * Tests of a class share that database, so each test stores its own rows under random ids.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseContractBase {

    private TestDatabase testDatabase;

    abstract TestDatabase openDatabase();

    /**
     * Returns the class's database, opening it on first use. Opening from each test rather than
     * from a {@code @BeforeAll} method makes Maven Surefire report every test as skipped, with
     * its reason, when PostgreSQL is not configured.
     */
    Database database() {
        if (testDatabase == null) {
            testDatabase = openDatabase();
        }
        return testDatabase.database();
    }

    @AfterAll
    void closeDatabase() {
        if (testDatabase != null) {
            testDatabase.close();
        }
    }
}
