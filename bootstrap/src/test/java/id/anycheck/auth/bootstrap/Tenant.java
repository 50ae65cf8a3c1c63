package id.anycheck.auth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import id.anycheck.auth.application.CreateUserCommand;
import id.anycheck.auth.application.ProvisionOrganizationCommand;
import id.anycheck.auth.application.ProvisionedOrganization;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.user.Role;
import id.anycheck.auth.domain.user.UserId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A fresh organization for one test: an Admin, and in its default group a Manager and a User,
 * all with the password {@link #PASSWORD}. Unique emails keep tenants of one service apart.
 */
final class Tenant {

    static final String PASSWORD = "tenant password 1";

    final ProvisionedOrganization organization;
    final String adminEmail;
    final String managerEmail;
    final String userEmail;
    final UserId managerId;
    final UserId userId;

    private Tenant(ProvisionedOrganization organization, String adminEmail, String managerEmail, String userEmail,
            UserId managerId, UserId userId) {
        this.organization = organization;
        this.adminEmail = adminEmail;
        this.managerEmail = managerEmail;
        this.userEmail = userEmail;
        this.managerId = managerId;
        this.userId = userId;
    }

    static Tenant create(TestService service) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String adminEmail = "admin-" + suffix + "@tenant.example";
        String managerEmail = "manager-" + suffix + "@tenant.example";
        String userEmail = "user-" + suffix + "@tenant.example";
        ProvisionedOrganization organization = service.service.provisionOrganization().provision(
                new ProvisionOrganizationCommand("Tenant " + suffix, "business", adminEmail, "Admin",
                        Optional.of(PASSWORD)));
        GroupId group = organization.defaultGroup().id();
        UserId managerId = service.service.createUser().create(new CreateUserCommand(organization.organization().id(),
                managerEmail, "Manager", Optional.of(PASSWORD), Map.of(group, Role.MANAGER))).user().id();
        UserId userId = service.service.createUser().create(new CreateUserCommand(organization.organization().id(),
                userEmail, "User", Optional.of(PASSWORD), Map.of(group, Role.USER))).user().id();
        return new Tenant(organization, adminEmail, managerEmail, userEmail, managerId, userId);
    }

    String groupId() {
        return organization.defaultGroup().id().toString();
    }

    String organizationId() {
        return organization.organization().id().toString();
    }

    String adminId() {
        return organization.admin().id().toString();
    }

    String apiKey() {
        return organization.firstApiKey().plaintext().reveal();
    }

    /** Logs in and returns the access token. */
    static String token(Http http, String email) {
        Http.Reply login = http.logIn(email, PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.data().path("access_token").asText();
    }
}
