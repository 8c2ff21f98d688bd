package org.issuetracker.domain.shared;

/** The client changed a version it had read, but someone changed it since: its change would overwrite theirs. */
public class StaleVersionException extends RuntimeException {

    private final long currentVersion;

    public StaleVersionException(String kind, long expected, long current) {
        super("The " + kind + " has changed since version " + expected + " (it is at version " + current
                + "): read it again and reapply the change");
        this.currentVersion = current;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
