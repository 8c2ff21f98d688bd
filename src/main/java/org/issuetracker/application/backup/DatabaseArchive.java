package org.issuetracker.application.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The database as one archive: every collection's documents, with a manifest of what it holds. Writing and reading
 * it is the database's business (the repositories' layer); the rules around it are {@link BackupService}'s.
 */
public interface DatabaseArchive {

    /** Writes the live database to {@code out} and answers its manifest (the last entry of the archive). */
    Manifest write(OutputStream out) throws IOException;

    /**
     * Reads an archive through and checks it against its own manifest without writing anything.
     *
     * @throws InvalidArchiveException when it is not an archive, is cut short, or does not match its manifest
     */
    Manifest verify(InputStream in) throws IOException;

    /**
     * Loads a verified archive into {@code database}, each of its collections dropped first (so only call it after
     * {@link #verify}, and on a database the caller has decided may be replaced), and creates the indexes.
     */
    void load(InputStream in, String database) throws IOException;

    /** What {@code database} holds now, described as a manifest would describe it. */
    Manifest contents(String database);

    /** How many documents users made in {@code database}: issues, comments, history (not reference data, not users). */
    long usersWork(String database);

    /**
     * Drops every collection of {@code database} (a drill's scratch copy): collection by collection, which a user
     * with {@code readWrite} on it may do, where dropping the database itself needs more.
     */
    void drop(String database);

    /** The name of the database the application runs on. */
    String liveDatabase();
}
