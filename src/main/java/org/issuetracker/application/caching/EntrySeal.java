package org.issuetracker.application.caching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs what the application puts in Redis and checks the signature of what it reads back, so that the cache cannot
 * be used to forge data: the signed-in actor's roles and active flag come from the {@code users} region, and whoever
 * can write to Redis (a shared Redis, a missing ACL, a leaked password) could otherwise make themselves an
 * administrator by writing a profile. An entry that does not verify is a miss: the value is loaded from MongoDB and
 * the bad entry replaced.
 *
 * <p>A sealed entry is {@code s1.<signed at>.<HMAC-SHA256>.<JSON>}. The MAC covers the cache's name, the entry's key,
 * the time it was signed and the value, so an entry cannot be copied under another key (one user's profile under
 * another's name) or into another region, and it is refused once it is older than the region's TTL (plus a minute
 * for clocks that differ between instances): an old entry saved by an attacker cannot be brought back after that.
 * The key comes from a {@link SigningKeySource}, never from Redis.
 */
@ApplicationScoped
public class EntrySeal {

    private static final Logger LOG = Logger.getLogger(EntrySeal.class.getName());
    private static final String PREFIX = "s1.";
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final Duration RETRY_KEY_AFTER = Duration.ofSeconds(5);
    private static final Duration WARN_AT_MOST_EVERY = Duration.ofMinutes(1);

    @Inject
    SigningKeySource keySource;

    Clock clock = Clock.systemUTC();

    private volatile SecretKeySpec key;
    private volatile Instant keyTriedAt = Instant.MIN;
    private volatile Instant warnedAt = Instant.MIN;

    public EntrySeal() {}

    /** A seal with a fixed key (for code that builds the cache by hand). */
    public EntrySeal(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /**
     * Whether the key is at hand: false while its store cannot be reached (then the cache is treated as absent; the
     * key is asked for again at most every few seconds, so an unreachable store does not slow every request).
     */
    boolean ready() {
        if (key != null) {
            return true;
        }
        Instant now = clock.instant();
        if (now.isBefore(keyTriedAt.plus(RETRY_KEY_AFTER))) {
            return false;
        }
        synchronized (this) {
            if (key == null) {
                keyTriedAt = now;
                try {
                    byte[] secret = keySource.signingKey();
                    if (secret.length < 32) {
                        throw new IllegalStateException("The cache signing key has " + secret.length + " bytes");
                    }
                    key = new SecretKeySpec(secret, "HmacSHA256");
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "The cache signing key cannot be read yet; the cache is not used", e);
                    return false;
                }
            }
        }
        return true;
    }

    /** The value as stored: signed now, for that key of that cache. */
    String seal(String cacheName, String entryKey, String value) {
        String signedAt = Long.toString(clock.millis(), 36);
        return PREFIX + signedAt + "." + mac(cacheName, entryKey, signedAt, value) + "." + value;
    }

    /** The value of a stored entry if its signature holds for that key and it is not older than {@code maxAge}. */
    Optional<String> open(String cacheName, String entryKey, String stored, Duration maxAge) {
        if (stored.startsWith(PREFIX)) {
            int timeEnd = stored.indexOf('.', PREFIX.length());
            int macEnd = timeEnd < 0 ? -1 : stored.indexOf('.', timeEnd + 1);
            if (macEnd > 0) {
                String signedAt = stored.substring(PREFIX.length(), timeEnd);
                String value = stored.substring(macEnd + 1);
                byte[] expected = mac(cacheName, entryKey, signedAt, value).getBytes(StandardCharsets.US_ASCII);
                byte[] given = stored.substring(timeEnd + 1, macEnd).getBytes(StandardCharsets.US_ASCII);
                if (MessageDigest.isEqual(expected, given) && fresh(signedAt, maxAge)) {
                    return Optional.of(value);
                }
            }
        }
        warn(cacheName, entryKey);
        return Optional.empty();
    }

    private boolean fresh(String signedAt, Duration maxAge) {
        try {
            Instant at = Instant.ofEpochMilli(Long.parseLong(signedAt, 36));
            Instant now = clock.instant();
            return !at.isBefore(now.minus(maxAge).minus(CLOCK_SKEW)) && !at.isAfter(now.plus(CLOCK_SKEW));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return false;
        }
    }

    /** Logged at most once a minute: a key change or a flood of forged entries must not flood the log. */
    private void warn(String cacheName, String entryKey) {
        Instant now = clock.instant();
        if (now.isAfter(warnedAt.plus(WARN_AT_MOST_EVERY))) {
            warnedAt = now;
            LOG.warning(() -> "A cache entry of " + cacheName + " (key " + entryKey
                    + ") is not signed by this deployment, or is too old: ignored and reloaded from MongoDB."
                    + " Unless the signing key was just changed, something other than the application writes to"
                    + " Redis (see cache_rejected_total)");
        }
    }

    private String mac(String cacheName, String entryKey, String signedAt, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            for (String part : new String[] {cacheName, entryKey, signedAt}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                mac.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
                mac.update(bytes);
            }
            mac.update(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
