package id.anycheck.auth.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.user.EmailAddress;
import id.anycheck.auth.domain.user.User;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code migrate} on an empty database and on one left at the first schema version by an older
 * release, on H2 and PostgreSQL. The expected versions come from the migrations on the class
 * path, so the tests hold whatever the latest version is.
 */
class MigrationPathTest {

    private static final String FIRST_VERSION = "1";

    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void migrateEmptyDatabaseReachesLatestVersion(String kind) {
        try (TestDatabase empty = open(kind)) {
            Flyway flyway = flyway(empty);
            int available = flyway.info().pending().length;

            int applied = empty.database().migrate();

            assertThat(available).isPositive();
            assertThat(applied).isEqualTo(available);
            assertThat(flyway.info().current().getVersion()).isEqualTo(latestVersion(flyway));
            assertThat(flyway.info().pending()).isEmpty();
            assertThat(empty.database().migrate()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void migrateFromFirstVersionKeepsData(String kind) {
        try (TestDatabase old = open(kind)) {
            Flyway.configure().dataSource(old.database().dataSource()).locations(Database.MIGRATIONS)
                    .target(FIRST_VERSION).load().migrate();
            Flyway flyway = flyway(old);
            assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo(FIRST_VERSION);
            int remaining = flyway.info().pending().length;
            UUID organizationId = UUID.randomUUID();
            UUID userId = UUID.randomUUID();
            String email = Fixtures.uniqueEmail();
            insertWithFirstSchema(old, organizationId, userId, email);

            int applied = old.database().migrate();

            assertThat(applied).isEqualTo(remaining);
            assertThat(flyway.info().current().getVersion()).isEqualTo(latestVersion(flyway));
            Optional<User> user = new JdbiUserRepository(old.database().jdbi()).findByEmail(EmailAddress.parse(email));
            assertThat(user).hasValueSatisfying(found -> {
                assertThat(found.id().value()).isEqualTo(userId);
                assertThat(found.organizationId().value()).isEqualTo(organizationId);
            });
            assertThat(new JdbiOrganizationRepository(old.database().jdbi())
                    .findById(new OrganizationId(organizationId))).isPresent();
        }
    }

    private static TestDatabase open(String kind) {
        return kind.equals("H2") ? TestDatabase.emptyH2() : TestDatabase.emptyPostgres();
    }

    private static Flyway flyway(TestDatabase testDatabase) {
        return Flyway.configure().dataSource(testDatabase.database().dataSource()).locations(Database.MIGRATIONS).load();
    }

    private static MigrationVersion latestVersion(Flyway flyway) {
        return Arrays.stream(flyway.info().all())
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .orElseThrow();
    }

    /** Writes an organization and its Admin with the columns of the first schema version only. */
    private static void insertWithFirstSchema(TestDatabase testDatabase, UUID organizationId, UUID userId, String email) {
        OffsetDateTime now = OffsetDateTime.of(2026, 1, 15, 9, 0, 0, 0, ZoneOffset.UTC);
        testDatabase.database().jdbi().useHandle(handle -> {
            handle.createUpdate("""
                    INSERT INTO organizations (id, name, plan, active, created_at)
                    VALUES (:id, 'Old Organization', 'business', TRUE, :now)
                    """).bind("id", organizationId).bind("now", now).execute();
            handle.createUpdate("""
                    INSERT INTO users (id, organization_id, email, email_lookup_key, name, password_hash, is_admin,
                                       active, created_at)
                    VALUES (:id, :organization, :email, :email, 'Old Admin', :hash, TRUE, TRUE, :now)
                    """).bind("id", userId).bind("organization", organizationId).bind("email", email)
                    .bind("hash", Fixtures.PASSWORD_HASH).bind("now", now).execute();
        });
    }
}
