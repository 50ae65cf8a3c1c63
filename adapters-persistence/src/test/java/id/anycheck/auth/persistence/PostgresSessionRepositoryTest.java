package id.anycheck.auth.persistence;

class PostgresSessionRepositoryTest extends SessionRepositoryContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
