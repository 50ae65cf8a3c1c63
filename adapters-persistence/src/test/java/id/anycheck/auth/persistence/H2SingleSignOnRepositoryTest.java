package id.anycheck.auth.persistence;

class H2SingleSignOnRepositoryTest extends SingleSignOnRepositoryContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
