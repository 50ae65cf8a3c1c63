package id.anycheck.auth.domain.principal;

import id.anycheck.auth.domain.organization.GroupId;
import id.anycheck.auth.domain.organization.OrganizationId;
import java.util.Optional;

/**
 * The authenticated caller of a request: a user acting through one live session, or a server
 * presenting an API key.
 */
public sealed interface Principal permits UserPrincipal, ApiKeyPrincipal {

    OrganizationId organizationId();

    /** Returns the user id or API key id as UUID text, for logs and audit records. */
    String id();

    /** Returns the group the caller is bound to: an API key's group, empty for a user. */
    Optional<GroupId> boundGroupId();
}
