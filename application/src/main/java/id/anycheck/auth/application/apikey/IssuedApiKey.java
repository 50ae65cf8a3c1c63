package id.anycheck.auth.application.apikey;

import id.anycheck.auth.domain.apikey.ApiKey;
import id.anycheck.auth.domain.apikey.PlaintextApiKey;
import java.util.Objects;

/** A key just issued or rotated: its stored record and the full key, shown to the customer this once. */
public record IssuedApiKey(ApiKey key, PlaintextApiKey plaintext) {

    public IssuedApiKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(plaintext, "plaintext");
    }
}
