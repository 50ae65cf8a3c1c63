package id.anycheck.auth.persistence;

class H2OrganizationRepositoryTest extends OrganizationRepositoryContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
