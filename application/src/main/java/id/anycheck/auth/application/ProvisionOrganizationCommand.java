package id.anycheck.auth.application;

import java.util.Optional;

/**
 * Operator's request to set up a customer after a signed contract. Validated by
 * {@link ProvisionOrganization}, which names each invalid field.
 *
 * @param adminPassword the Admin's password, or empty to generate a one-time password
 */
public record ProvisionOrganizationCommand(
        String name, String plan, String adminEmail, String adminName, Optional<String> adminPassword) {

    @Override
    public String toString() {
        return "ProvisionOrganizationCommand[name=" + name + ", plan=" + plan + "]";
    }
}
