package id.anycheck.auth.persistence;

import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.organization.Plan;
import id.anycheck.auth.domain.user.EmailAddress;
import id.anycheck.auth.domain.user.User;
import id.anycheck.auth.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Domain records for repository tests. Ids and generated emails are random, so tests that share
 * one database never collide.
 */
final class Fixtures {

    /** Creation time of every fixture. It has whole seconds, so it survives the database round trip exactly. */
    static final Instant CREATED_AT = Instant.parse("2026-01-15T09:00:00Z");

    /** An Argon2id PHC string of valid format. The repositories store it without checking it. */
    static final String PASSWORD_HASH =
            "$argon2id$v=19$m=64,t=1,p=1$AAECAwQFBgcICQoLDA0ODw$qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqo";

    private Fixtures() {
    }

    static Organization organization() {
        return new Organization(OrganizationId.random(), "Organization " + shortId(), Plan.BUSINESS, true, CREATED_AT);
    }

    static Group group(OrganizationId organizationId, String name) {
        return new Group(GroupId.random(), organizationId, name, CREATED_AT);
    }

    /** Returns an active non-admin user with a password hash. */
    static User user(OrganizationId organizationId, String email) {
        return new User(UserId.random(), organizationId, EmailAddress.parse(email), "Test User",
                Optional.of(PASSWORD_HASH), false, true, CREATED_AT);
    }

    static User admin(OrganizationId organizationId, String email) {
        return new User(UserId.random(), organizationId, EmailAddress.parse(email), "Test Admin",
                Optional.of(PASSWORD_HASH), true, true, CREATED_AT);
    }

    /** Returns an email address that no other fixture uses. */
    static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    /** Stores a new organization with a first group "Default" and an admin, and returns the admin. */
    static User storeOrganizationWithAdmin(Jdbi jdbi) {
        Organization organization = organization();
        User admin = admin(organization.id(), uniqueEmail());
        new JdbiOrganizationRepository(jdbi).add(organization, group(organization.id(), "Default"), admin);
        return admin;
    }

    /** Stores a further group with plain SQL, because no port adds one outside organization creation. */
    static void storeGroup(Jdbi jdbi, Group group) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO organization_groups (id, organization_id, name, created_at)
                        VALUES (:id, :organizationId, :name, :createdAt)
                        """)
                .bind("id", group.id().value())
                .bind("organizationId", group.organizationId().value())
                .bind("name", group.name())
                .bind("createdAt", group.createdAt())
                .execute());
    }

    /** Returns the first value of a {@code SELECT COUNT(*)} query with one {@code :id} parameter. */
    static int count(Jdbi jdbi, String sql, UUID id) {
        return jdbi.withHandle(handle -> handle.createQuery(sql)
                .bind("id", id)
                .mapTo(Integer.class)
                .one());
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
