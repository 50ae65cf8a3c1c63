package id.anycheck.auth.application;

import static org.assertj.core.api.Assertions.assertThat;

import id.anycheck.auth.application.fakes.InMemoryPorts;
import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.Plan;
import id.anycheck.auth.domain.principal.UserPrincipal;
import id.anycheck.auth.domain.session.SessionId;
import id.anycheck.auth.domain.user.GroupRole;
import id.anycheck.auth.domain.user.Role;
import id.anycheck.auth.domain.user.User;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShowCurrentUserTest {

    private final InMemoryPorts ports = new InMemoryPorts();
    private final User admin = ports.addOrganizationWithAdmin("Acme Bank", "admin@example.com", "correct horse");
    private final Group retail = ports.addGroup(admin.organizationId(), "Retail");
    private final Group compliance = ports.addGroup(admin.organizationId(), "Compliance");
    private final User ana = ports.addMember(admin.organizationId(), "ana@example.com",
            Map.of(retail.id(), Role.USER, compliance.id(), Role.MANAGER));
    private final ShowCurrentUser showCurrentUser = new ShowCurrentUser(ports.users(), ports.organizations(),
            ports.totp());

    @Test
    void showReturnsUser() {
        CurrentUser current = showCurrentUser.show(principalOf(ana));

        assertThat(current.user()).isEqualTo(ana);
    }

    @Test
    void showReturnsOrganization() {
        CurrentUser current = showCurrentUser.show(principalOf(ana));

        assertThat(current.organization().id()).isEqualTo(ana.organizationId());
        assertThat(current.organization().name()).isEqualTo("Acme Bank");
        assertThat(current.organization().plan()).isEqualTo(Plan.BUSINESS);
    }

    @Test
    void showReturnsGroupRolesByName() {
        CurrentUser current = showCurrentUser.show(principalOf(ana));

        assertThat(current.groupRoles()).containsExactly(
                new GroupRole(compliance, Role.MANAGER),
                new GroupRole(retail, Role.USER));
    }

    @Test
    void userWithoutGroupsHasNoRoles() {
        CurrentUser current = showCurrentUser.show(principalOf(admin));

        assertThat(current.groupRoles()).isEmpty();
        assertThat(current.user().admin()).isTrue();
    }

    @Test
    void mfaNotEnabled() {
        CurrentUser current = showCurrentUser.show(principalOf(ana));

        assertThat(current.mfaEnabled()).isFalse();
    }

    private static UserPrincipal principalOf(User user) {
        return new UserPrincipal(user.id(), user.organizationId(), SessionId.random());
    }
}
