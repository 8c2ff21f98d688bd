package org.issuetracker.application.backup;

import java.util.List;
import java.util.Optional;

/** Where backups and drills are recorded (a collection of their own, left out of the archives). */
public interface BackupRecords {

    void add(BackupRecord record);

    /** The latest successful record of a kind. */
    Optional<BackupRecord> latest(BackupRecord.Kind kind);

    /** The most recent records, newest first. */
    List<BackupRecord> recent(int limit);
}
