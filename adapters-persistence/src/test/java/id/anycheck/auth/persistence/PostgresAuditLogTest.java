package id.anycheck.auth.persistence;

class PostgresAuditLogTest extends AuditLogContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
