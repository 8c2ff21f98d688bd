package org.issuetracker.infrastructure.security;

import java.time.Duration;
import java.util.Locale;
import org.issuetracker.infrastructure.config.ConfigValues;

/**
 * How many failed passwords an account, or a client address, may have before it waits, and how long: the first
 * {@code freeFailures} cost nothing, the next one makes it wait {@code firstDelay}, and every further one twice as
 * long as the one before, up to {@code maxDelay}. The failures are forgotten {@code forgetAfter} after the latest one
 * (for an account also at its next successful sign-in), so no wait is ever longer than {@code maxDelay} and nothing
 * an attacker does locks an account for good.
 */
record ThrottleRule(Kind kind, int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {

    /** What is counted: the account a password was tried for, or the client address that tried it. */
    enum Kind {
        ACCOUNT,
        ADDRESS;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The rule of {@code security.throttle.<kind>.*} and the shared {@code security.throttle.*-delay}. */
    static ThrottleRule configured(ConfigValues values, Kind kind) {
        String prefix = "security.throttle." + kind.tag() + ".";
        ThrottleRule rule = new ThrottleRule(
                kind,
                values.integer(prefix + "free-failures", 1, 1_000_000),
                values.duration("security.throttle.first-delay"),
                values.duration("security.throttle.max-delay"),
                values.duration(prefix + "forget-after"));
        if (rule.forgetAfter.compareTo(rule.maxDelay) < 0) {
            values.problem(prefix + "forget-after must be at least security.throttle.max-delay (" + rule.maxDelay
                    + "), was " + rule.forgetAfter);
        }
        if (rule.firstDelay.compareTo(rule.maxDelay) > 0) {
            values.problem("security.throttle.first-delay must be at most security.throttle.max-delay, was "
                    + rule.firstDelay);
        }
        return rule;
    }

    /** The wait after this many failures in a row. */
    Duration delayAfter(long failures) {
        long beyond = failures - freeFailures;
        if (beyond <= 0) {
            return Duration.ZERO;
        }
        // 2^40 times any sensible first delay is far past the cap: no need to go higher, nor to overflow
        Duration delay = firstDelay.multipliedBy(1L << Math.min(beyond - 1, 40));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
