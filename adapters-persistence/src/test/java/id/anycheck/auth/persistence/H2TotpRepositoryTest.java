package id.anycheck.auth.persistence;

class H2TotpRepositoryTest extends TotpRepositoryContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
