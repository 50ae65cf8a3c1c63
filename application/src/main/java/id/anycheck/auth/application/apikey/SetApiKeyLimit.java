package id.anycheck.auth.application.apikey;

import id.anycheck.auth.domain.error.InvalidInputException;
import id.anycheck.auth.domain.error.NotFoundException;
import id.anycheck.auth.domain.organization.OrganizationId;
import id.anycheck.auth.domain.port.ApiKeyRepository;
import java.lang.System.Logger.Level;

/**
 * Use case: the operator sets an organization's contract limit of active API keys. Lowering it
 * below the number of active keys revokes nothing; it only stops further issues. Thread-safe.
 */
public final class SetApiKeyLimit {

    public static final int MAX_LIMIT = 1000;

    private static final System.Logger LOG = System.getLogger(SetApiKeyLimit.class.getName());

    private final ApiKeyRepository apiKeys;

    public SetApiKeyLimit(ApiKeyRepository apiKeys) {
        this.apiKeys = apiKeys;
    }

    /**
     * @throws InvalidInputException for a limit outside 0 to {@value #MAX_LIMIT}
     * @throws NotFoundException for an unknown organization
     */
    public void set(OrganizationId organizationId, int limit) {
        if (limit < 0 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be 0 to " + MAX_LIMIT);
        }

        if (!apiKeys.setLimit(organizationId, limit)) {
            throw new NotFoundException("Organization " + organizationId + " not found.");
        }

        LOG.log(Level.INFO, "Set the API key limit of organization {0} to {1}", organizationId, limit);
    }
}
