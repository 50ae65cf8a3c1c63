package id.anycheck.auth.persistence;

class H2SessionRepositoryTest extends SessionRepositoryContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
