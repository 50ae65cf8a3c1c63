package id.anycheck.auth.application.apikey;

import id.anycheck.auth.application.Administrators;
import id.anycheck.auth.application.Caller;
import id.anycheck.auth.application.Page;
import id.anycheck.auth.domain.apikey.ApiKey;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.port.ApiKeyRepository;
import java.util.List;
import java.util.Optional;

/** Use case: an Admin lists the organization's API keys, oldest first, one page at a time. Thread-safe. */
public final class ListApiKeys {

    private final ApiKeyRepository apiKeys;
    private final Administrators administrators;

    public ListApiKeys(ApiKeyRepository apiKeys, Administrators administrators) {
        this.apiKeys = apiKeys;
        this.administrators = administrators;
    }

    /** @param limit page size, 1 to {@value Page#MAX_LIMIT} */
    public Page<ApiKey, ApiKeyRepository.Cursor> list(OrganizationId organizationId,
            Optional<ApiKeyRepository.Cursor> after, int limit, Caller caller) {
        if (limit < 1 || limit > Page.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + Page.MAX_LIMIT + ": " + limit);
        }
        administrators.requireKeyManager(caller, organizationId);

        // Reading one row more than the limit shows whether a next page exists.
        List<ApiKey> keys = apiKeys.list(organizationId, after, limit + 1);

        if (keys.size() <= limit) {
            return new Page<>(keys, Optional.empty());
        }
        List<ApiKey> page = keys.subList(0, limit);
        ApiKey last = page.get(limit - 1);
        return new Page<>(page, Optional.of(new ApiKeyRepository.Cursor(last.createdAt(), last.id())));
    }
}
