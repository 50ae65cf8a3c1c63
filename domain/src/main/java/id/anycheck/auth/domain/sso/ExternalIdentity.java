package id.anycheck.auth.domain.sso;

import id.anycheck.auth.domain.user.EmailAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A person as the identity provider vouches for them in a validated ID token.
 *
 * @param tenantId the directory the person signed in with (Entra's {@code tid} claim)
 * @param objectId the person's immutable id in that directory (Entra's {@code oid} claim)
 * @param verifiedEmail the email address, present only when the provider marks it as verified
 * @param name the display name, if the token carries one
 */
public record ExternalIdentity(String tenantId, String objectId, Optional<EmailAddress> verifiedEmail,
        Optional<String> name) {

    public ExternalIdentity {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(verifiedEmail, "verifiedEmail");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return "ExternalIdentity[tenantId=" + tenantId + ", objectId=" + objectId + "]";
    }
}
