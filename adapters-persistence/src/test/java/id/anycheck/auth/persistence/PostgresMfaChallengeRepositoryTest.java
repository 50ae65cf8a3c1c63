package id.anycheck.auth.persistence;

class PostgresMfaChallengeRepositoryTest extends MfaChallengeRepositoryContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
