package id.anycheck.auth.persistence;

class H2VerificationRepositoryTest extends VerificationRepositoryContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
