package id.anycheck.auth.persistence;

class PostgresApiKeyRepositoryTest extends ApiKeyRepositoryContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
