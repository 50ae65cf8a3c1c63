package id.anycheck.auth.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import id.anycheck.auth.application.CreatedUser;
import id.anycheck.auth.application.Page;
import id.anycheck.auth.application.access.UserAdministration;
import id.anycheck.auth.application.protection.UnlockUser;
import id.anycheck.auth.domain.Ids;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.port.UserRepository;
import id.anycheck.auth.domain.user.GroupRole;
import id.anycheck.auth.domain.user.Role;
import id.anycheck.auth.domain.user.User;
import id.anycheck.auth.domain.user.UserId;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Handlers of {@code /users} and {@code /users/{id}/memberships/{groupId}}. */
final class UserRoutes {

    /** A user; {@code temporary_password} appears only in the response that generated it. */
    record UserResponse(
            String id,
            String email,
            String name,
            boolean active,
            boolean admin,
            String createdAt,
            List<AuthRoutes.MembershipSummary> memberships,
            @JsonInclude(JsonInclude.Include.NON_NULL) String temporaryPassword) {

        static UserResponse of(User user, List<GroupRole> groupRoles, Optional<String> temporaryPassword) {
            return new UserResponse(user.id().toString(), user.email().value(), user.name(), user.active(),
                    user.admin(), Timestamps.format(user.createdAt()),
                    groupRoles.stream().map(AuthRoutes.MembershipSummary::of).toList(),
                    temporaryPassword.orElse(null));
        }

        static UserResponse of(UserAdministration.UserView view) {
            return of(view.user(), view.groupRoles(), Optional.empty());
        }
    }

    record UserPage(List<UserResponse> items, String nextCursor) {
    }

    private final UserAdministration users;
    private final UnlockUser unlockUser;
    private final long maxBodyBytes;

    UserRoutes(UseCases useCases, HttpSettings settings) {
        this.users = useCases.userAdministration();
        this.unlockUser = useCases.unlockUser();
        this.maxBodyBytes = settings.maxBodyBytes();
    }

    void list(Context ctx) {
        int limit = Paging.limit(ctx);
        Optional<UserRepository.Cursor> after = Paging.cursor(ctx)
                .map(position -> new UserRepository.Cursor(position.createdAt(), new UserId(position.id())));

        Page<UserAdministration.UserView, UserRepository.Cursor> page = users.list(Callers.of(ctx), after, limit);

        List<UserResponse> items = page.items().stream().map(UserResponse::of).toList();
        String nextCursor = page.nextCursor()
                .map(cursor -> Paging.encode(cursor.createdAt(), cursor.id().value()))
                .orElse(null);
        Envelope.success(ctx, 200, new UserPage(items, nextCursor));
    }

    void create(Context ctx) {
        JsonBody body = JsonBody.read(ctx, maxBodyBytes);
        String email = body.requiredString("email");
        String name = body.requiredString("name");
        Optional<String> password = body.optionalString("password");
        Map<GroupId, Role> groupRoles = memberships(body);
        body.validate();

        CreatedUser created = users.create(Callers.of(ctx), email, name, password, groupRoles);

        AuthRoutes.noStore(ctx);
        UserAdministration.UserView view = users.show(Callers.of(ctx), created.user().id());
        Envelope.success(ctx, 201, UserResponse.of(view.user(), view.groupRoles(), created.temporaryPassword()));
    }

    void show(Context ctx) {
        Envelope.success(ctx, 200, UserResponse.of(users.show(Callers.of(ctx), userId(ctx))));
    }

    void update(Context ctx) {
        UserId userId = userId(ctx);
        JsonBody body = JsonBody.read(ctx, maxBodyBytes);
        Optional<String> name = body.optionalString("name");
        Optional<Boolean> active = body.optionalBoolean("active");
        Optional<Boolean> admin = body.optionalBoolean("admin");
        body.validate();

        Envelope.success(ctx, 200, UserResponse.of(users.update(Callers.of(ctx), userId, name, active, admin)));
    }

    /** Deactivates the user; users are never deleted, so that audit records keep their actor. */
    void deactivate(Context ctx) {
        users.update(Callers.of(ctx), userId(ctx), Optional.empty(), Optional.of(false), Optional.empty());
        Envelope.noContent(ctx);
    }

    record PasswordResetResponse(String temporaryPassword) {
    }

    void resetPassword(Context ctx) {
        String password = users.resetPassword(Callers.of(ctx), userId(ctx));
        Envelope.success(ctx, 200, new PasswordResetResponse(password));
    }

    /** Ends the login lockouts of the user, from every client address. */
    void unlock(Context ctx) {
        unlockUser.unlock(Callers.of(ctx), userId(ctx));
        Envelope.noContent(ctx);
    }

    void setMembership(Context ctx) {
        UserId userId = userId(ctx);
        GroupId groupId = PathIds.parse(ctx, "groupId", GroupId::new, "Group");
        JsonBody body = JsonBody.read(ctx, maxBodyBytes);
        String roleName = body.requiredString("role");
        Role role = roleName == null ? null : role(body, "role", roleName);
        body.validate();

        Envelope.success(ctx, 200, UserResponse.of(users.setMembership(Callers.of(ctx), userId, groupId, role)));
    }

    void removeMembership(Context ctx) {
        UserId userId = userId(ctx);
        GroupId groupId = PathIds.parse(ctx, "groupId", GroupId::new, "Group");

        users.removeMembership(Callers.of(ctx), userId, groupId);
        Envelope.noContent(ctx);
    }

    /** Reads the optional {@code memberships} list: {@code [{"group_id": ..., "role": "USER"}]}. */
    private static Map<GroupId, Role> memberships(JsonBody body) {
        Map<GroupId, Role> groupRoles = new LinkedHashMap<>();
        Optional<JsonNode> list = body.optionalNode("memberships");
        if (list.isEmpty()) {
            return groupRoles;
        }
        if (!list.get().isArray()) {
            body.addProblem("memberships", "must be a list of {\"group_id\", \"role\"} objects");
            return groupRoles;
        }
        for (JsonNode membership : list.get()) {
            String groupText = membership.path("group_id").asText(null);
            String roleText = membership.path("role").asText(null);
            try {
                GroupId groupId = new GroupId(Ids.parseUuid(groupText));
                Role role = role(body, "memberships", roleText);
                if (role != null && groupRoles.put(groupId, role) != null) {
                    body.addProblem("memberships", "group " + groupId + " is named twice");
                }
            } catch (IllegalArgumentException e) {
                body.addProblem("memberships", "each entry needs a group_id (a UUID) and a role");
            }
        }
        return groupRoles;
    }

    private static Role role(JsonBody body, String field, String text) {
        String upper = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if ("MANAGER".equals(upper)) {
            return Role.MANAGER;
        }
        if ("USER".equals(upper)) {
            return Role.USER;
        }
        body.addProblem(field, "role must be MANAGER or USER; grant the Admin role with PATCH /users/{id}"
                + " {\"admin\": true}");
        return null;
    }

    private static UserId userId(Context ctx) {
        return PathIds.parse(ctx, "id", UserId::new, "User");
    }
}
