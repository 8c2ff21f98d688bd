package org.issuetracker.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.issuetracker.domain.user.PasswordHasher;

/**
 * Passwords as PBKDF2-HMAC-SHA256 hashes with a random salt, through Jakarta Security. The hash records its own
 * parameters, so raising the iterations later keeps old hashes valid.
 */
@ApplicationScoped
public class Pbkdf2PasswordHasher implements PasswordHasher {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "10000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    @Override
    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    @Override
    public boolean matches(String password, String hash) {
        return hash != null && pbkdf2.verify(password.toCharArray(), hash);
    }
}
