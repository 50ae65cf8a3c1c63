package id.anycheck.auth.persistence;

class H2ApiKeyRepositoryTest extends ApiKeyRepositoryContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
