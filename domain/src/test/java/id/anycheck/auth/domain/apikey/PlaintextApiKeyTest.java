package id.anycheck.auth.domain.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaintextApiKeyTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void generatedKeyHasEnvironmentPrefixAndBase62Body() {
        String live = PlaintextApiKey.generate(ApiKeyEnvironment.LIVE, RANDOM).reveal();
        String test = PlaintextApiKey.generate(ApiKeyEnvironment.TEST, RANDOM).reveal();

        assertThat(live).matches("ak_live_[0-9A-Za-z]{55}");
        assertThat(test).matches("ak_test_[0-9A-Za-z]{55}");
    }

    @Test
    void generatedKeyParsesBack() {
        PlaintextApiKey key = PlaintextApiKey.generate(ApiKeyEnvironment.TEST, RANDOM);

        PlaintextApiKey parsed = PlaintextApiKey.parse(key.reveal()).orElseThrow();

        assertThat(parsed.environment()).isEqualTo(ApiKeyEnvironment.TEST);
        assertThat(parsed.lookupId()).isEqualTo(key.lookupId());
        assertThat(parsed.hash()).isEqualTo(key.hash());
        assertThat(parsed.prefix()).isEqualTo("ak_test_" + key.lookupId());
    }

    @Test
    void generatedKeysDiffer() {
        Set<String> keys = new HashSet<>();
        Set<String> lookupIds = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            PlaintextApiKey key = PlaintextApiKey.generate(ApiKeyEnvironment.LIVE, RANDOM);
            keys.add(key.reveal());
            lookupIds.add(key.lookupId());
        }

        assertThat(keys).hasSize(1000);
        assertThat(lookupIds).hasSize(1000);
    }

    @Test
    void hashIsHexSha256OfWholeKey() {
        PlaintextApiKey key = PlaintextApiKey.generate(ApiKeyEnvironment.LIVE, RANDOM);

        assertThat(key.hash()).matches("[0-9a-f]{64}").isEqualTo(PlaintextApiKey.hashOf(key.reveal()));
    }

    @Test
    void toStringHidesSecret() {
        PlaintextApiKey key = PlaintextApiKey.generate(ApiKeyEnvironment.LIVE, RANDOM);

        assertThat(key.toString()).isEqualTo(key.prefix() + "...").doesNotContain(key.reveal().substring(20));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "ak_live_",
        "ak_prod_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrs",
        "ak_live_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqr",
        "ak_live_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrst",
        "ak_live_0123456789AB-DEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrs",
        "AK_LIVE_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrs",
        " ak_live_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqr",
        "Bearer eyJhbGciOiJIUzI1NiJ9"
    })
    void malformedKeyDoesNotParse(String text) {
        assertThat(PlaintextApiKey.parse(text)).isEmpty();
    }

    @Test
    void nullDoesNotParse() {
        assertThat(PlaintextApiKey.parse(null)).isEmpty();
    }
}
