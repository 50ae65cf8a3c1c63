package id.anycheck.auth.domain.sso;

import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An organization's single sign-on rules. Sign-in is enabled while at least one tenant is
 * allowed. A tenant belongs to at most one organization, so a tenant id alone finds the
 * organization a person signs in to.
 *
 * @param allowedTenantIds Entra tenant ids, in lower-case canonical UUID form
 * @param defaultGroupId the group where {@link UnknownUserPolicy#CREATE} puts new users; present
 *     exactly when that policy is chosen
 */
public record SingleSignOnSettings(OrganizationId organizationId, Set<String> allowedTenantIds,
        UnknownUserPolicy unknownUsers, Optional<GroupId> defaultGroupId) {

    /** Maximum number of tenants one organization may allow. */
    public static final int MAX_TENANTS = 20;

    private static final Pattern TENANT_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public SingleSignOnSettings {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(unknownUsers, "unknownUsers");
        Objects.requireNonNull(defaultGroupId, "defaultGroupId");
        allowedTenantIds = Set.copyOf(new TreeSet<>(allowedTenantIds));
        if (allowedTenantIds.size() > MAX_TENANTS) {
            throw new IllegalArgumentException("at most " + MAX_TENANTS + " tenants can be allowed");
        }
        for (String tenantId : allowedTenantIds) {
            if (!isTenantId(tenantId)) {
                throw new IllegalArgumentException("tenant id '" + tenantId
                        + "' is not a lower-case UUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47");
            }
        }
        if ((unknownUsers == UnknownUserPolicy.CREATE) != defaultGroupId.isPresent()) {
            throw new IllegalArgumentException("a default group is required when unknown users are created,"
                    + " and allowed only then");
        }
    }

    /** Returns the settings of an organization that has not enabled single sign-on. */
    public static SingleSignOnSettings disabled(OrganizationId organizationId) {
        return new SingleSignOnSettings(organizationId, Set.of(), UnknownUserPolicy.REJECT, Optional.empty());
    }

    public static boolean isTenantId(String text) {
        return text != null && TENANT_ID.matcher(text).matches();
    }

    public boolean enabled() {
        return !allowedTenantIds.isEmpty();
    }

    public boolean allows(String tenantId) {
        return allowedTenantIds.contains(tenantId);
    }
}
