package id.anycheck.auth.persistence;

class H2UserRepositoryTest extends UserRepositoryContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
