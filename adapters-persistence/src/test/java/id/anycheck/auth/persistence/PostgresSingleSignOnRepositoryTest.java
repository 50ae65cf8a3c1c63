package id.anycheck.auth.persistence;

class PostgresSingleSignOnRepositoryTest extends SingleSignOnRepositoryContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
