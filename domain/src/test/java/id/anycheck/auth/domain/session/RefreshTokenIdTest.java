package id.anycheck.auth.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class RefreshTokenIdTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void generateIsBase64Url() {
        RefreshTokenId id = RefreshTokenId.generate(random);

        assertThat(id.value()).hasSize(43);
        assertThat(id.value()).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void twoGeneratedDiffer() {
        RefreshTokenId first = RefreshTokenId.generate(random);
        RefreshTokenId second = RefreshTokenId.generate(random);

        assertThat(first.value()).isNotEqualTo(second.value());
        assertThat(first.hash()).isNotEqualTo(second.hash());
    }

    @Test
    void hashIsLowerCaseHex() {
        RefreshTokenId id = RefreshTokenId.generate(random);

        assertThat(id.hash()).matches("[0-9a-f]{64}");
    }

    @Test
    void hashIsStable() {
        RefreshTokenId generated = RefreshTokenId.generate(random);
        RefreshTokenId parsed = RefreshTokenId.of(generated.value());

        assertThat(generated.hash()).isEqualTo(generated.hash());
        assertThat(parsed.hash()).isEqualTo(generated.hash());
    }

    @Test
    void hashIsSha256() {
        // The SHA-256 digest of "abc", as printed by `printf abc | sha256sum`.
        assertThat(RefreshTokenId.of("abc").hash())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void hashDiffersFromValue() {
        RefreshTokenId id = RefreshTokenId.generate(random);

        assertThat(id.hash()).doesNotContain(id.value());
    }

    @Test
    void toStringHidesValue() {
        RefreshTokenId id = RefreshTokenId.generate(random);

        assertThat(id.toString()).doesNotContain(id.value());
    }
}
