package org.issuetracker.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.issuetracker.domain.user.PasswordHasher;
import org.issuetracker.infrastructure.config.ConfigValues;

/**
 * Passwords as PBKDF2-HMAC-SHA256 hashes with a random salt, through Jakarta Security, at {@code
 * security.password.iterations} (OWASP's figure for PBKDF2-HMAC-SHA256, 600 000, by default). The hash records its
 * own parameters ({@code PBKDF2WithHmacSHA256:<iterations>:<salt>:<hash>}), so raising the iterations keeps old
 * hashes valid; {@link #outdated} tells which to make again at the next sign-in.
 */
@ApplicationScoped
public class Pbkdf2PasswordHasher implements PasswordHasher {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @Inject
    Config config;

    int iterations;

    @PostConstruct
    void configure() {
        ConfigValues values = new ConfigValues(config);
        iterations = values.integer("security.password.iterations", 10_000, 10_000_000);
        values.validate();
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
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

    @Override
    public boolean outdated(String hash) {
        String[] parts = hash == null ? new String[0] : hash.split(":");
        try {
            return parts.length == 4 && Integer.parseInt(parts[1]) < iterations;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
