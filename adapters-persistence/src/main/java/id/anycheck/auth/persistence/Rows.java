package id.anycheck.auth.persistence;

import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.organization.Plan;
import id.anycheck.auth.domain.user.EmailAddress;
import id.anycheck.auth.domain.user.User;
import id.anycheck.auth.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ObjectArgument;
import org.jdbi.v3.core.mapper.RowMapper;

/** Row mappers from the tables straight to domain records. */
final class Rows {

    static final String USER_COLUMNS =
            "u.id, u.organization_id, u.email, u.name, u.password_hash, u.is_admin, u.active, u.created_at";
    static final String ORGANIZATION_COLUMNS = "o.id, o.name, o.plan, o.active, o.created_at, o.mfa_required";
    static final String GROUP_COLUMNS = "g.id, g.organization_id, g.name, g.created_at";

    static final RowMapper<User> USER = (rs, ctx) -> new User(
            new UserId(uuid(rs, "id")),
            new OrganizationId(uuid(rs, "organization_id")),
            EmailAddress.parse(rs.getString("email")),
            rs.getString("name"),
            Optional.ofNullable(rs.getString("password_hash")),
            rs.getBoolean("is_admin"),
            rs.getBoolean("active"),
            instant(rs, "created_at"));

    static final RowMapper<Organization> ORGANIZATION = (rs, ctx) -> {
        String plan = rs.getString("plan");
        return new Organization(
                new OrganizationId(uuid(rs, "id")),
                rs.getString("name"),
                Plan.byName(plan).orElseThrow(() -> new IllegalStateException("unknown plan stored: " + plan)),
                rs.getBoolean("active"),
                instant(rs, "created_at"),
                rs.getBoolean("mfa_required"));
    };

    static final RowMapper<Group> GROUP = (rs, ctx) -> new Group(
            new GroupId(uuid(rs, "id")),
            new OrganizationId(uuid(rs, "organization_id")),
            rs.getString("name"),
            instant(rs, "created_at"));

    private Rows() {
    }

    /**
     * Returns a UUID argument that may be null. A plain null binds as VARCHAR, which PostgreSQL
     * refuses for a UUID column.
     */
    static Argument nullableUuid(UUID value) {
        return ObjectArgument.of(value, Types.OTHER);
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
