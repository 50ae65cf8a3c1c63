package id.anycheck.auth.persistence;

class H2AdministrationTest extends AdministrationContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
