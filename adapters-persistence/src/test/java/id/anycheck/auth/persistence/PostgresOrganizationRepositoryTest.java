package id.anycheck.auth.persistence;

class PostgresOrganizationRepositoryTest extends OrganizationRepositoryContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
