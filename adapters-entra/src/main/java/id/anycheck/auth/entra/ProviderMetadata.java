package id.anycheck.auth.entra;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.Map;

/**
 * The two values of an OpenID Connect discovery document that ID token validation needs.
 *
 * @param issuer the expected {@code iss}; Entra's multi-tenant documents contain the
 *     placeholder {@code {tenantid}}, which stands for the token's {@code tid}
 * @param jwksUri where the provider publishes its signing keys
 */
record ProviderMetadata(String issuer, URL jwksUri) {

    /**
     * Reads the document at {@code url}.
     *
     * @throws IOException if it cannot be read in time or lacks {@code issuer} or {@code jwks_uri}
     */
    static ProviderMetadata fetch(URI url, ResourceRetriever retriever) throws IOException {
        Resource resource = retriever.retrieveResource(url.toURL());
        try {
            Map<String, Object> document = JSONObjectUtils.parse(resource.getContent());
            String issuer = JSONObjectUtils.getString(document, "issuer");
            URI jwksUri = JSONObjectUtils.getURI(document, "jwks_uri");
            if (issuer == null || jwksUri == null) {
                throw new IOException("the OpenID Connect metadata at " + url + " lacks issuer or jwks_uri");
            }
            return new ProviderMetadata(issuer, jwksUri.toURL());
        } catch (ParseException e) {
            throw new IOException("the OpenID Connect metadata at " + url + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Returns the issuer that a token of this tenant must name. */
    String issuerOf(String tenantId) {
        return issuer.replace("{tenantid}", tenantId);
    }
}
