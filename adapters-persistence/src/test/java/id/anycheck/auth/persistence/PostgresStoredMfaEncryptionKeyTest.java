package id.anycheck.auth.persistence;

class PostgresStoredMfaEncryptionKeyTest extends StoredMfaEncryptionKeyContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
