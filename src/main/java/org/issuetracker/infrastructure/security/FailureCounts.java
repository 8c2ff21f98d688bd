package org.issuetracker.infrastructure.security;

import java.time.Duration;

/**
 * Failed sign-ins per key ({@link ThrottleLedger} makes the keys: a hash of the account or the address, never the
 * password), each forgotten by itself after a while: in this instance's memory ({@link LocalFailureCounts}) or in
 * Redis for all instances ({@link RedisFailureCounts}).
 */
interface FailureCounts {

    /** The failures counted for the key and how long it must still wait (zero: it may try now). */
    State state(String key);

    /** Counts one more failure, forgotten {@code forgetAfter} from now unless another follows; the count so far. */
    long failed(String key, Duration forgetAfter);

    /** Makes the key wait at least {@code wait} from now (a longer wait already set stays). */
    void block(String key, Duration wait);

    /** Forgets the key's failures and wait. */
    void forget(String key);

    record State(long failures, Duration blockedFor) {

        static final State NONE = new State(0, Duration.ZERO);
    }
}
