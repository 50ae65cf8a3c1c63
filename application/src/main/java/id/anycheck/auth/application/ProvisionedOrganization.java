package id.anycheck.auth.application;

import id.anycheck.auth.application.apikey.IssuedApiKey;
import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.user.User;
import java.util.Optional;

/**
 * A new organization, its default group, its Admin and its first live API key.
 *
 * @param generatedPassword the Admin's one-time password when none was given; shown once
 * @param firstApiKey a live key bound to the default group; its full key is shown once
 */
public record ProvisionedOrganization(
        Organization organization, Group defaultGroup, User admin, Optional<String> generatedPassword,
        IssuedApiKey firstApiKey) {

    @Override
    public String toString() {
        return "ProvisionedOrganization[organization=" + organization.id() + ", admin=" + admin.id() + "]";
    }
}
