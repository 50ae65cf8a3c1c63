package id.anycheck.auth.application.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SignInSecretsTest {

    @Test
    void codeChallengeMatchesRfc7636Example() {
        // The verifier and challenge of the example in RFC 7636, appendix B.
        SignInSecrets secrets = new SignInSecrets("state", "nonce", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

        assertThat(secrets.codeChallenge()).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void generatedValuesAreDistinct() {
        SignInSecrets secrets = SignInSecrets.generate(new SecureRandom());

        assertThat(secrets.state()).hasSize(43);
        assertThat(secrets.nonce()).hasSize(43);
        assertThat(secrets.codeVerifier()).hasSize(43);
        assertThat(secrets.state()).isNotEqualTo(secrets.nonce());
        assertThat(secrets.nonce()).isNotEqualTo(secrets.codeVerifier());
    }

    @Test
    void stateHashIsHexSha256() {
        assertThat(SignInSecrets.hashOfState("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void toStringHidesValues() {
        SignInSecrets secrets = SignInSecrets.generate(new SecureRandom());

        assertThat(secrets.toString()).doesNotContain(secrets.state());
        assertThat(secrets.toString()).doesNotContain(secrets.codeVerifier());
    }
}
