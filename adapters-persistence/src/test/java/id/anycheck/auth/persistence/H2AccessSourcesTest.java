package id.anycheck.auth.persistence;

class H2AccessSourcesTest extends AccessSourcesContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
