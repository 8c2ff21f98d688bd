package org.issuetracker.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.Config;
import org.issuetracker.infrastructure.config.ConfigValues;

/**
 * Credentials that were checked against their hash a moment ago, so that an API client sending HTTP Basic with
 * every request pays for one PBKDF2 hash per {@code security.basic.verified-for}, not per request (a hash costs
 * hundreds of milliseconds of CPU by design: without this, a handful of clients would keep every core busy).
 *
 * <p>Kept in this instance's memory only, keyed by an HMAC of username and password under a key made at random when
 * the instance starts and never stored: neither the password nor anything that could be tested against it offline
 * is kept. An entry only says "these credentials matched at this time"; the caller still checks that the account is
 * active and that its password has not changed since ({@link org.issuetracker.application.user.Person}). At most
 * {@value #MAX_ENTRIES} entries: past that, the expired ones go, and if that is not enough, all.
 */
@ApplicationScoped
public class VerifiedCredentials {

    static final int MAX_ENTRIES = 10_000;

    @Inject
    Config config;

    Clock clock = Clock.systemUTC();

    private final Map<String, Instant> verified = new ConcurrentHashMap<>();
    private SecretKeySpec key;
    private Duration verifiedFor;

    @PostConstruct
    void init() {
        ConfigValues values = new ConfigValues(config);
        verifiedFor = values.duration("security.basic.verified-for");
        values.validate();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** When these credentials last matched their hash, if within {@code security.basic.verified-for}. */
    public Optional<Instant> verifiedAt(String username, String password) {
        String entry = entry(username, password);
        Instant at = verified.get(entry);
        if (at == null) {
            return Optional.empty();
        }
        if (at.plus(verifiedFor).isBefore(clock.instant())) {
            verified.remove(entry, at);
            return Optional.empty();
        }
        return Optional.of(at);
    }

    /** Notes that these credentials matched their hash now. */
    public void remember(String username, String password) {
        if (verified.size() >= MAX_ENTRIES) {
            Instant oldest = clock.instant().minus(verifiedFor);
            verified.values().removeIf(at -> at.isBefore(oldest));
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(entry(username, password), clock.instant());
    }

    /** Forgets them (the account changed since they were checked). */
    public void forget(String username, String password) {
        verified.remove(entry(username, password));
    }

    int size() {
        return verified.size();
    }

    boolean holdsKeyContaining(String text) {
        return verified.keySet().stream().anyMatch(entry -> entry.contains(text));
    }

    private String entry(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
