package org.issuetracker.application.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenSecretsTest {

    @Test
    void aSecretIsThePrefixAnd256RandomBitsInBase64url() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String secret = TokenSecrets.newSecret();
            assertThat(secret).startsWith("itk_").hasSize(4 + 43).matches("itk_[A-Za-z0-9_-]+");
            assertThat(TokenSecrets.wellFormed(secret)).isTrue();
            secrets.add(secret);
        }
        assertThat(secrets).as("no two alike").hasSize(1_000);
    }

    @Test
    void onlyTheSha256DigestIsKeptAndItRevealsNothingOfTheSecret() {
        String secret = TokenSecrets.newSecret();
        String digest = TokenSecrets.digest(secret);
        assertThat(digest).hasSize(64).matches("[0-9a-f]+").doesNotContain(secret.substring(4, 12));
        assertThat(TokenSecrets.digest(secret)).isEqualTo(digest);
        assertThat(TokenSecrets.digest("itk_" + "A".repeat(43))).isNotEqualTo(digest);
        // the well-known digest of "abc" (FIPS 180-2), so this is SHA-256 and nothing home-made
        assertThat(TokenSecrets.digest("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void anythingElseIsNotASecretAndNeedsNoLookup() {
        for (String other : new String[] {
            null,
            "",
            "itk_",
            "itk_short",
            "ghp_" + "A".repeat(43),
            "itk_" + "A".repeat(42) + "=",
            "itk_" + "A".repeat(44)
        }) {
            assertThat(TokenSecrets.wellFormed(other)).as(String.valueOf(other)).isFalse();
        }
    }
}
