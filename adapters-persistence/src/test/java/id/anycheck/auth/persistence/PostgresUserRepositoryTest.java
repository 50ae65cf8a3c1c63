package id.anycheck.auth.persistence;

class PostgresUserRepositoryTest extends UserRepositoryContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
