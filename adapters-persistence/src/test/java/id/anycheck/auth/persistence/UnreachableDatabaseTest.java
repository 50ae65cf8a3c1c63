package id.anycheck.auth.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.anycheck.auth.domain.error.StorageUnavailableException;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.session.NewSession;
import id.anycheck.auth.domain.session.RevocationReason;
import id.anycheck.auth.domain.session.SessionId;
import id.anycheck.auth.domain.user.EmailAddress;
import id.anycheck.auth.domain.user.User;
import id.anycheck.auth.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Repositories and the readiness probe over a database that refuses connections. Port 1 on
 * 127.0.0.1 has no listener, so each connection attempt fails at once and each call returns
 * after the 500 ms pool timeout.
 */
class UnreachableDatabaseTest {

    private static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:1/none";
    private static final String H2_URL = "jdbc:h2:tcp://127.0.0.1:1/mem:none";
    private static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(500);
    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    private Database database;

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {POSTGRES_URL, H2_URL})
    void userRepositoryThrowsStorageUnavailable(String url) {
        var users = new JdbiUserRepository(open(url).jdbi());
        User user = Fixtures.user(OrganizationId.random(), Fixtures.uniqueEmail());

        assertThatThrownBy(() -> users.findById(UserId.random())).isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> users.findByEmail(EmailAddress.parse(Fixtures.uniqueEmail())))
                .isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> users.add(user, List.of())).isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> users.updatePasswordHash(user.id(), Fixtures.PASSWORD_HASH))
                .isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> users.groupRolesOf(user.id())).isInstanceOf(StorageUnavailableException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {POSTGRES_URL, H2_URL})
    void organizationRepositoryThrowsStorageUnavailable(String url) {
        var organizations = new JdbiOrganizationRepository(open(url).jdbi());
        Organization organization = Fixtures.organization();

        assertThatThrownBy(() -> organizations.findById(organization.id()))
                .isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> organizations.add(organization, Fixtures.group(organization.id(), "Default"),
                Fixtures.admin(organization.id(), Fixtures.uniqueEmail())))
                .isInstanceOf(StorageUnavailableException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {POSTGRES_URL, H2_URL})
    void sessionRepositoryThrowsStorageUnavailable(String url) {
        Database database = open(url);
        var sessions = new JdbiSessionRepository(database.jdbi(), database.kind());
        var session = new NewSession(SessionId.random(), UserId.random(), OrganizationId.random(),
                "0".repeat(64), NOW.plusSeconds(3600), NOW);

        assertThatThrownBy(() -> sessions.start(session)).isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> sessions.isActive(session.id())).isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> sessions.rotateRefreshToken(
                session.id(), session.refreshTokenHash(), "1".repeat(64), NOW.plusSeconds(7200), NOW))
                .isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> sessions.revoke(session.id(), RevocationReason.LOGOUT, NOW))
                .isInstanceOf(StorageUnavailableException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {POSTGRES_URL, H2_URL})
    void storedSigningKeyThrowsStorageUnavailable(String url) {
        var store = new StoredSigningKey(open(url).jdbi());

        assertThatThrownBy(() -> store.loadOrCreate(() -> new StoredSigningKey.Key("unused", "dW51c2Vk"), NOW))
                .isInstanceOf(StorageUnavailableException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {POSTGRES_URL, H2_URL})
    void readinessProbeReportsUnreachable(String url) {
        var probe = new DataSourceReadinessProbe(open(url).dataSource());

        assertThat(probe.storageReachable()).isFalse();
    }

    @Test
    void readinessProbeReportsReachable() {
        try (TestDatabase reachable = TestDatabase.h2()) {
            var probe = new DataSourceReadinessProbe(reachable.database().dataSource());

            assertThat(probe.storageReachable()).isTrue();
        }
    }

    private Database open(String url) {
        database = Database.open(new DatabaseSettings(url, "anycheck", "unused", 1, CONNECTION_TIMEOUT));
        return database;
    }
}
