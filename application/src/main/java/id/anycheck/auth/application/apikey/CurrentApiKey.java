package id.anycheck.auth.application.apikey;

import id.anycheck.auth.domain.apikey.ApiKey;
import id.anycheck.auth.domain.organization.Group;
import id.anycheck.auth.domain.organization.Organization;

/** The calling API key with its organization and the group it acts in. */
public record CurrentApiKey(ApiKey key, Organization organization, Group group) {
}
