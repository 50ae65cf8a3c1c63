package id.anycheck.auth.persistence;

class H2LoginAttemptsTest extends LoginAttemptsContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
