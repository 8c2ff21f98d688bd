package org.issuetracker.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for something the system under test reaches by itself (a server answering, a probe turning UP). */
public final class Await {

    private Await() {}

    /** Polls {@code condition} every 100 ms until it holds, failing after {@code max}. */
    public static void until(String what, Duration max, BooleanSupplier condition) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + max.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
