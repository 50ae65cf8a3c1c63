package id.anycheck.auth.persistence;

class PostgresVerificationRepositoryTest extends VerificationRepositoryContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
