package id.anycheck.auth.persistence;

class PostgresAdministrationTest extends AdministrationContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
