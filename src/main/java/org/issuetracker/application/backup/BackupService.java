package org.issuetracker.application.backup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;
import org.issuetracker.application.caching.CacheInvalidator;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.shared.ConflictException;

/**
 * Backups of the database and their restores, admins only. A backup is streamed to the caller while it is written
 * and recorded once complete. A restore reads the archive through once to check it against its manifest before
 * anything is written (a damaged archive changes nothing), refuses to replace a database that holds users' work
 * (more than a fresh installation's reference data and administrator) unless asked, and empties the cache afterwards on every instance. A drill restores into a
 * scratch database, compares it with the manifest, drops it, and records the outcome: the proof that the backups
 * can be restored, which the pre-deployment checklist asks for.
 */
@ApplicationScoped
public class BackupService {

    private static final Logger LOG = Logger.getLogger(BackupService.class.getName());

    @Inject
    DatabaseArchive archive;

    @Inject
    BackupRecords records;

    @Inject
    CacheInvalidator cache;

    Clock clock = Clock.systemUTC();

    /** The outcome of a restore or drill: the archive's manifest, what the database held after, and any difference. */
    public record RestoreReport(Manifest archive, Manifest restored, List<String> differences, BackupRecord record) {}

    /** Writes a backup of the live database to {@code out}; recorded once the last byte is written. */
    public BackupRecord backup(Actor actor, OutputStream out) throws IOException {
        actor.requireAdmin("take a backup");
        Counting counted = new Counting(out);
        Manifest manifest = archive.write(counted);
        counted.flush();
        BackupRecord record = new BackupRecord(
                BackupRecord.Kind.BACKUP,
                clock.instant(),
                actor.username(),
                counted.bytes,
                counted.sha256(),
                manifest.documents(),
                true,
                manifest.collections().size() + " collections");
        records.add(record);
        LOG.info(() -> "Backup by " + actor.username() + ": " + record.documents() + " documents, " + record.bytes()
                + " bytes, SHA-256 " + record.sha256());
        return record;
    }

    /**
     * Replaces the live database with the archive in {@code file}.
     *
     * @param replace whether a database with more than a fresh installation's data may be replaced
     * @throws InvalidArchiveException when the archive is damaged (nothing is written)
     * @throws ConflictException when the database holds users' data and {@code replace} is false
     */
    public RestoreReport restore(Actor actor, Path file, boolean replace) throws IOException {
        actor.requireAdmin("restore a backup");
        Manifest manifest = verified(file);
        String live = archive.liveDatabase();
        long userDocuments = archive.usersWork(live);
        if (userDocuments > 0 && !replace) {
            throw new ConflictException("The database holds " + userDocuments
                    + " issues, comments and history entries; restoring replaces them. Ask again with replace=true"
                    + " if that is what you want (take a backup of them first).");
        }
        try (InputStream in = Files.newInputStream(file)) {
            archive.load(in, live);
        } finally {
            cache.everything();
        }
        Manifest after = archive.contents(live);
        List<String> differences = manifest.differencesFrom(after);
        BackupRecord record = record(BackupRecord.Kind.RESTORE, actor, file, manifest, differences);
        LOG.warning(() -> "Restore by " + actor.username() + " replaced database " + live + " with the backup of "
                + manifest.createdAt() + (differences.isEmpty() ? "" : "; differences in " + differences));
        return new RestoreReport(manifest, after, differences, record);
    }

    /**
     * Restores the archive in {@code file} into the scratch database ({@link #scratchDatabase()}), compares, empties
     * it, and records the drill. One drill at a time per instance; what a drill cut short left behind is emptied by
     * the next.
     */
    public synchronized RestoreReport drill(Actor actor, Path file) throws IOException {
        actor.requireAdmin("run a restore drill");
        Manifest manifest = verified(file);
        String scratch = scratchDatabase();
        Manifest restored;
        try (InputStream in = Files.newInputStream(file)) {
            archive.drop(scratch);
            archive.load(in, scratch);
            restored = archive.contents(scratch);
        } finally {
            archive.drop(scratch);
        }
        List<String> differences = manifest.differencesFrom(restored);
        BackupRecord record = record(BackupRecord.Kind.DRILL, actor, file, manifest, differences);
        return new RestoreReport(manifest, restored, differences, record);
    }

    /**
     * Where drills restore: the live database's name with {@code -drill}. A fixed name, so that the application's
     * database user can be given {@code readWrite} on it beforehand (docker/mongo-init grants it).
     */
    public String scratchDatabase() {
        return archive.liveDatabase() + "-drill";
    }

    /** The latest backups, restores and drills, newest first. */
    public List<BackupRecord> history(Actor actor) {
        actor.requireAdmin("see the backups");
        return records.recent(50);
    }

    private Manifest verified(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return archive.verify(in);
        }
    }

    private BackupRecord record(
            BackupRecord.Kind kind, Actor actor, Path file, Manifest manifest, List<String> differences)
            throws IOException {
        BackupRecord record = new BackupRecord(
                kind,
                clock.instant(),
                actor.username(),
                Files.size(file),
                sha256(file),
                manifest.documents(),
                differences.isEmpty(),
                differences.isEmpty()
                        ? "every collection as in the backup of " + manifest.createdAt()
                        : "differs from the backup in " + String.join(", ", differences));
        records.add(record);
        return record;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts and hashes the bytes on their way out. */
    private static final class Counting extends FilterOutputStream {
        private final MessageDigest digest = newDigest();
        private long bytes;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            bytes++;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            digest.update(buffer, offset, length);
            bytes += length;
        }

        String sha256() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
