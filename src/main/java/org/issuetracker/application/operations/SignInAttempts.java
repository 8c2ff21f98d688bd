package org.issuetracker.application.operations;

/** Failed and throttled sign-ins of this instance, for the operations page (a port: security implements it). */
public interface SignInAttempts {

    Snapshot snapshot();

    /**
     * Since start: passwords refused, and attempts refused before their password was checked because the account or
     * the client address was waiting; and how many accounts and addresses wait now, as this instance counts them.
     * {@code sharedCounts} says whether the counts are shared through Redis at the moment (else per instance).
     */
    record Snapshot(
            long failures,
            long throttledAccounts,
            long throttledAddresses,
            int accountsWaiting,
            int addressesWaiting,
            boolean sharedCounts) {}
}
