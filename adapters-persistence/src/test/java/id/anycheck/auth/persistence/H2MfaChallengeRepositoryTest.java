package id.anycheck.auth.persistence;

class H2MfaChallengeRepositoryTest extends MfaChallengeRepositoryContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
