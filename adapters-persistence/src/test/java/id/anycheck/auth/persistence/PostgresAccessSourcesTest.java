package id.anycheck.auth.persistence;

class PostgresAccessSourcesTest extends AccessSourcesContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
