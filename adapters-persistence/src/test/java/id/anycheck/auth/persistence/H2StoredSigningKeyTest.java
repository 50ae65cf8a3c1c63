package id.anycheck.auth.persistence;

class H2StoredSigningKeyTest extends StoredSigningKeyContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
