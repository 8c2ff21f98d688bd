package org.issuetracker.infrastructure.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.issuetracker.application.Failures;
import org.issuetracker.infrastructure.security.ThrottleRule.Kind;

/**
 * The failed sign-ins of every account and client address, and the waits they have earned ({@link ThrottleRule}).
 * Counted in the shared counts (Redis) and in this instance's memory alike; Redis' counts decide while it answers
 * (so the instances throttle together, and a success on one instance clears the account on all), this instance's
 * own when it does not (so each one still throttles by itself).
 * After a failed call to Redis, the shared counts are left alone for {@code sharedRetryAfter} (then one caller tries
 * again), so that while Redis is gone a sign-in pays its timeout at most once per interval, not at every attempt.
 *
 * <p>Keys are a hash of the normalised username (trimmed, lower case) or address (an IPv6 address by its /64 network,
 * which one client usually holds whole), so that neither an attacker's strings nor usernames are stored as such.
 */
final class ThrottleLedger {

    private static final Logger LOG = Logger.getLogger(ThrottleLedger.class.getName());
    private static final Pattern IPV6_LITERAL = Pattern.compile("\\[?[0-9a-fA-F:.]*:[0-9a-fA-F:.]*]?");

    private final ThrottleRule account;
    private final ThrottleRule address;
    private final LocalFailureCounts local;
    private final FailureCounts shared;
    private final long sharedRetryAfterNanos;
    private final LongSupplier nanoTime;
    /** 0 while the shared counts answer, else when they may be tried again (System.nanoTime). */
    private final AtomicLong sharedRetryAt = new AtomicLong();

    ThrottleLedger(
            ThrottleRule account,
            ThrottleRule address,
            LocalFailureCounts local,
            FailureCounts shared,
            Duration sharedRetryAfter,
            LongSupplier nanoTime) {
        this.account = account;
        this.address = address;
        this.local = local;
        this.shared = shared;
        this.sharedRetryAfterNanos = sharedRetryAfter.toNanos();
        this.nanoTime = nanoTime;
    }

    /** A password about to be checked for {@code username}, sent from {@code clientAddress}. */
    Attempt attempt(String username, String clientAddress) {
        String accountKey =
                "account:" + hash(username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
        String addressKey = "address:" + hash(network(clientAddress));
        return new Attempt(accountKey, addressKey, state(accountKey), state(addressKey));
    }

    /** How many accounts or addresses wait now, as this instance counts them (cheap: its memory only). */
    int waitingNow(Kind kind) {
        return local.waiting(kind.tag() + ":");
    }

    /** Whether the shared counts are being left alone after a failure. */
    boolean sharedUnavailable() {
        return sharedRetryAt.get() != 0;
    }

    /** One sign-in attempt: refused before its password is checked, or counted after. */
    final class Attempt {

        private final String accountKey;
        private final String addressKey;
        private final FailureCounts.State accountState;
        private final FailureCounts.State addressState;

        private Attempt(
                String accountKey,
                String addressKey,
                FailureCounts.State accountState,
                FailureCounts.State addressState) {
            this.accountKey = accountKey;
            this.addressKey = addressKey;
            this.accountState = accountState;
            this.addressState = addressState;
        }

        /** Who must wait, and how long; empty when the password may be checked now. */
        Optional<Refusal> refusal() {
            Duration accountWait = accountState.blockedFor();
            Duration addressWait = addressState.blockedFor();
            if (accountWait.isZero() && addressWait.isZero()) {
                return Optional.empty();
            }
            return Optional.of(
                    accountWait.compareTo(addressWait) >= 0
                            ? new Refusal(Kind.ACCOUNT, accountWait)
                            : new Refusal(Kind.ADDRESS, addressWait));
        }

        /** The password was right: the account's failures are forgotten (the address' are not). */
        void succeeded() {
            if (accountState.failures() > 0) {
                local.forget(accountKey);
                shared(counts -> {
                    counts.forget(accountKey);
                    return null;
                });
            }
        }

        /** The password was wrong (or the account unknown or inactive): both count one more failure. */
        void failed() {
            count(accountKey, account);
            count(addressKey, address);
        }
    }

    /** The account or address that must wait, and for how long. */
    record Refusal(Kind kind, Duration retryAfter) {}

    private FailureCounts.State state(String key) {
        return shared(counts -> counts.state(key)).orElseGet(() -> local.state(key));
    }

    private void count(String key, ThrottleRule rule) {
        long own = local.failed(key, rule.forgetAfter());
        long failures = shared(counts -> counts.failed(key, rule.forgetAfter())).orElse(own);
        Duration wait = rule.delayAfter(failures);
        if (!wait.isZero()) {
            local.block(key, wait);
            shared(counts -> {
                counts.block(key, wait);
                return null;
            });
        }
    }

    /** A call to the shared counts, unless they failed a moment ago; empty when not asked or failed now. */
    private <T> Optional<T> shared(Function<FailureCounts, T> call) {
        if (shared == null || !mayAskShared()) {
            return Optional.empty();
        }
        try {
            Optional<T> answer = Optional.ofNullable(call.apply(shared));
            if (sharedRetryAt.getAndSet(0) != 0) {
                LOG.info("Redis answers again: failed sign-ins are counted across instances again");
            }
            return answer;
        } catch (RuntimeException e) {
            if (sharedRetryAt.getAndSet(nanoTime.getAsLong() + sharedRetryAfterNanos) == 0) {
                LOG.warning(() -> "Redis does not answer: failed sign-ins are counted per instance for now: "
                        + Failures.describe(e));
            }
            return Optional.empty();
        }
    }

    /** While the shared counts are left alone, the first caller after the interval tries them again. */
    private boolean mayAskShared() {
        long retryAt = sharedRetryAt.get();
        if (retryAt == 0) {
            return true;
        }
        long now = nanoTime.getAsLong();
        return now - retryAt >= 0 && sharedRetryAt.compareAndSet(retryAt, now + sharedRetryAfterNanos);
    }

    /** An IPv6 address as its /64 network; anything else as it came. Never a name lookup. */
    static String network(String clientAddress) {
        String text = clientAddress == null ? "" : clientAddress.trim().toLowerCase(Locale.ROOT);
        if (!IPV6_LITERAL.matcher(text).matches()) {
            return text;
        }
        try {
            byte[] bytes = InetAddress.getByName(text.replace("[", "").replace("]", ""))
                    .getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : text;
        } catch (UnknownHostException notAnAddress) {
            return text;
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
