package id.anycheck.auth.domain.principal;

import id.anycheck.auth.domain.apikey.ApiKeyEnvironment;
import id.anycheck.auth.domain.apikey.ApiKeyId;
import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import java.util.Objects;
import java.util.Optional;

/** A server presenting an API key. The key acts with User rights in its one group. */
public record ApiKeyPrincipal(
        ApiKeyId keyId, String name, OrganizationId organizationId, GroupId groupId, ApiKeyEnvironment environment)
        implements Principal {

    public ApiKeyPrincipal {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String id() {
        return keyId.toString();
    }

    @Override
    public Optional<GroupId> boundGroupId() {
        return Optional.of(groupId);
    }
}
