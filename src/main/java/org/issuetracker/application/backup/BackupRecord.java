package org.issuetracker.application.backup;

import java.time.Instant;

/**
 * A backup taken or a restore drill run, as recorded in the database so that the pre-deployment checklist can see
 * the latest of each: when, by whom, its size and SHA-256 (of the archive file), how many documents, and whether it
 * succeeded (a drill that found a difference did not; {@code detail} says what).
 */
public record BackupRecord(
        Kind kind, Instant at, String by, long bytes, String sha256, long documents, boolean succeeded, String detail) {

    public enum Kind {
        BACKUP,
        RESTORE,
        DRILL
    }
}
