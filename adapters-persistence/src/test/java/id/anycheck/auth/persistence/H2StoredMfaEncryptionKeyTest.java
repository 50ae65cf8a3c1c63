package id.anycheck.auth.persistence;

class H2StoredMfaEncryptionKeyTest extends StoredMfaEncryptionKeyContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
