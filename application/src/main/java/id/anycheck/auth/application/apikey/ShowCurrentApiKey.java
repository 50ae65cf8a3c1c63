package id.anycheck.auth.application.apikey;

import id.anycheck.auth.domain.apikey.ApiKey;
import id.anycheck.auth.domain.error.AuthenticationException;
import id.anycheck.auth.domain.error.AuthenticationFailure;
import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.Organization;
import id.anycheck.auth.domain.port.ApiKeyRepository;
import id.anycheck.auth.domain.port.OrganizationRepository;
import id.anycheck.auth.domain.principal.ApiKeyPrincipal;

/** Use case: show a server which key it is calling with, so a client can check its key. Thread-safe. */
public final class ShowCurrentApiKey {

    private final ApiKeyRepository apiKeys;
    private final OrganizationRepository organizations;

    public ShowCurrentApiKey(ApiKeyRepository apiKeys, OrganizationRepository organizations) {
        this.apiKeys = apiKeys;
        this.organizations = organizations;
    }

    public CurrentApiKey show(ApiKeyPrincipal principal) {
        ApiKey key = apiKeys.findById(principal.organizationId(), principal.keyId())
                .orElseThrow(() -> gone("API key " + principal.keyId()));
        Organization organization = organizations.findById(key.organizationId())
                .orElseThrow(() -> gone("organization " + key.organizationId()));
        Group group = organizations.groupsOf(organization.id()).stream()
                .filter(candidate -> candidate.id().equals(key.groupId()))
                .findFirst()
                .orElseThrow(() -> gone("group " + key.groupId()));
        return new CurrentApiKey(key, organization, group);
    }

    private static AuthenticationException gone(String missingRecord) {
        return new AuthenticationException(AuthenticationFailure.INVALID_API_KEY, missingRecord + " no longer exists");
    }
}
