package id.anycheck.auth.application;

import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.user.User;
import java.util.Optional;

/**
 * A new organization, its default group and its Admin.
 *
 * @param generatedPassword the Admin's one-time password when none was given; shown once
 */
public record ProvisionedOrganization(
        Organization organization, Group defaultGroup, User admin, Optional<String> generatedPassword) {

    @Override
    public String toString() {
        return "ProvisionedOrganization[organization=" + organization.id() + ", admin=" + admin.id() + "]";
    }
}
