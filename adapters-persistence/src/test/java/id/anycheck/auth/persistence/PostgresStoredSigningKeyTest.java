package id.anycheck.auth.persistence;

class PostgresStoredSigningKeyTest extends StoredSigningKeyContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
