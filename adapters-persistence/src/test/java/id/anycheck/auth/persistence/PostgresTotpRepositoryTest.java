package id.anycheck.auth.persistence;

class PostgresTotpRepositoryTest extends TotpRepositoryContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
