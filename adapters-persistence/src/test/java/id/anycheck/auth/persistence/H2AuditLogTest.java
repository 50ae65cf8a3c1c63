package id.anycheck.auth.persistence;

class H2AuditLogTest extends AuditLogContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
