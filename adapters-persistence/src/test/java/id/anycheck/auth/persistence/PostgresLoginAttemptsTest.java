package id.anycheck.auth.persistence;

class PostgresLoginAttemptsTest extends LoginAttemptsContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
