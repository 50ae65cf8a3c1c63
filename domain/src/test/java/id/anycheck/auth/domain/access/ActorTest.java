package id.anycheck.auth.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.anycheck.auth.domain.apikey.ApiKeyId;
import id.anycheck.auth.domain.error.ForbiddenException;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.user.Role;
import id.anycheck.auth.domain.user.UserId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActorTest {

    private final OrganizationId organization = OrganizationId.random();
    private final GroupId managed = GroupId.random();
    private final GroupId joined = GroupId.random();
    private final GroupId elsewhere = GroupId.random();

    private final Actor admin = Actor.user(organization, UserId.random(), true, Map.of());
    private final Actor manager = Actor.user(organization, UserId.random(), false,
            Map.of(managed, Role.MANAGER, joined, Role.USER));
    private final Actor user = Actor.user(organization, UserId.random(), false, Map.of(joined, Role.USER));
    private final Actor apiKey = Actor.apiKey(organization, ApiKeyId.random(), joined);

    @Test
    void adminMayDoEverythingEverywhere() {
        for (Action action : Action.values()) {
            boolean allowed = action.scope() == Action.Scope.ORGANIZATION
                    ? admin.can(action)
                    : admin.can(action, elsewhere);
            assertThat(allowed).as(action.name()).isTrue();
        }
    }

    @Test
    void managerManagesOnlyTheirGroups() {
        assertThat(manager.can(Action.ADD_GROUP_MEMBER, managed)).isTrue();
        assertThat(manager.can(Action.SET_GROUP_SERVICES, managed)).isTrue();
        assertThat(manager.can(Action.ADD_GROUP_MEMBER, joined)).isFalse();
        assertThat(manager.can(Action.SET_GROUP_SERVICES, elsewhere)).isFalse();
        assertThat(manager.can(Action.CREATE_VERIFICATION, joined)).isTrue();
        assertThat(manager.can(Action.UPDATE_GROUP, managed)).isFalse();
        assertThat(manager.can(Action.GRANT_ADMIN)).isFalse();
        assertThat(manager.can(Action.MANAGE_API_KEYS)).isFalse();
        assertThat(manager.groupsWhere(Action.VIEW_GROUP_MEMBERS)).containsExactly(managed);
    }

    @Test
    void userCreatesAndViewsVerificationsOnly() {
        assertThat(user.can(Action.CREATE_VERIFICATION, joined)).isTrue();
        assertThat(user.can(Action.VIEW_VERIFICATIONS, joined)).isTrue();
        assertThat(user.can(Action.VIEW_ORGANIZATION)).isTrue();
        assertThat(user.can(Action.CREATE_VERIFICATION, managed)).isFalse();
        assertThat(user.can(Action.ADD_GROUP_MEMBER, joined)).isFalse();
        assertThat(user.can(Action.SET_GROUP_SERVICES, joined)).isFalse();
        assertThat(user.can(Action.LIST_ALL_USERS)).isFalse();
    }

    @Test
    void memberWithoutGroupMayViewOrganizationOnly() {
        Actor groupless = Actor.user(organization, UserId.random(), false, Map.of());

        assertThat(groupless.can(Action.VIEW_ORGANIZATION)).isTrue();
        assertThat(groupless.can(Action.CREATE_GROUP)).isFalse();
        assertThat(groupless.can(Action.VIEW_GROUP, joined)).isFalse();
    }

    @Test
    void apiKeyActsAsUserOfItsGroup() {
        assertThat(apiKey.can(Action.CREATE_VERIFICATION, joined)).isTrue();
        assertThat(apiKey.can(Action.CREATE_VERIFICATION, managed)).isFalse();
        assertThat(apiKey.can(Action.MANAGE_API_KEYS)).isFalse();
        assertThat(apiKey.isAdmin()).isFalse();
    }

    @Test
    void requireNamesTheAction() {
        assertThatThrownBy(() -> user.require(Action.MANAGE_API_KEYS))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("Your role does not allow you to manage API keys.");
    }

    @Test
    void wrongScopeIsProgrammingError() {
        assertThatThrownBy(() -> admin.can(Action.CREATE_VERIFICATION))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> admin.can(Action.MANAGE_API_KEYS, joined))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
