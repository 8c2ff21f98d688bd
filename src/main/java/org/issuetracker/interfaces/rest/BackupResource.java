package org.issuetracker.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.issuetracker.application.backup.BackupRecord;
import org.issuetracker.application.backup.BackupService;
import org.issuetracker.application.backup.Manifest;
import org.issuetracker.domain.shared.Actor;

/**
 * {@code /api/admin/backups}: a logical backup of the database streamed as one ZIP archive, its restore, restore
 * drills, and the record of all three. Archives are sent and received as they are: scripts keep them where they
 * keep backups (docs/operations.md).
 */
@Path("admin/backups")
@RequestScoped
@Tag(name = "Operations")
public class BackupResource {

    static final String ZIP = "application/zip";
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Inject
    BackupService backups;

    @Inject
    Actor actor;

    /** A restore or drill as JSON. */
    public record RestoreResponse(
            boolean succeeded, Manifest archive, Manifest restored, List<String> differences, BackupRecord record) {}

    @POST
    @Produces(ZIP)
    @Operation(
            operationId = "createBackup",
            summary = "Take a backup",
            description = "Admins. Streams every collection of the database as one ZIP archive: one entry per"
                    + " collection (canonical extended JSON lines in _id order) and a manifest with each"
                    + " collection's count and SHA-256. Recorded (time, size, SHA-256) once the last byte is"
                    + " written; GET lists the records.")
    public Response backup() {
        actor.requireAdmin("take a backup");
        StreamingOutput body = out -> backups.backup(actor, out);
        return Response.ok(body, ZIP)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"issuetracker-" + FILE_TIME.format(Instant.now()) + ".zip\"")
                .cacheControl(noStore())
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "listBackupRecords",
            summary = "Backups, restores and drills",
            description = "Admins. The latest 50 records, newest first.")
    public Response history() {
        return Response.ok(backups.history(actor)).cacheControl(noStore()).build();
    }

    @POST
    @Path("restore")
    @Consumes(ZIP)
    @Produces(MediaType.APPLICATION_JSON)
    @BodySizeLimit.Archive
    @Operation(
            operationId = "restoreBackup",
            summary = "Restore a backup",
            description = "Admins. Replaces the database with the archive sent as the body. The archive is first"
                    + " checked against its manifest (a damaged one changes nothing: 400). A database with issues,"
                    + " comments or history is only replaced with replace=true (409 otherwise). Empties the cache"
                    + " of every instance. Send it to one instance directly: the balancer limits bodies to 1 MB.")
    public RestoreResponse restore(@QueryParam("replace") @DefaultValue("false") boolean replace, InputStream body)
            throws IOException {
        actor.requireAdmin("restore a backup");
        return spooled(body, file -> backups.restore(actor, file, replace));
    }

    @POST
    @Path("drills")
    @Consumes(ZIP)
    @Produces(MediaType.APPLICATION_JSON)
    @BodySizeLimit.Archive
    @Operation(
            operationId = "drillBackup",
            summary = "Run a restore drill",
            description = "Admins. Restores the archive sent as the body into the scratch database (the live"
                    + " database's name with -drill), compares every collection with the manifest, empties the scratch"
                    + " database and records the outcome. The live"
                    + " database is not touched. succeeded is false when a collection differs.")
    public RestoreResponse drill(InputStream body) throws IOException {
        actor.requireAdmin("run a restore drill");
        return spooled(body, file -> backups.drill(actor, file));
    }

    private interface Restore {
        BackupService.RestoreReport apply(java.nio.file.Path file) throws IOException;
    }

    /** Keeps the body in a temporary file (it is read twice: checked, then loaded), removed afterwards. */
    private static RestoreResponse spooled(InputStream body, Restore restore) throws IOException {
        java.nio.file.Path file = Files.createTempFile("issuetracker-restore-", ".zip");
        try {
            Files.copy(body, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            BackupService.RestoreReport report = restore.apply(file);
            return new RestoreResponse(
                    report.differences().isEmpty(),
                    report.archive(),
                    report.restored(),
                    report.differences(),
                    report.record());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static CacheControl noStore() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return noStore;
    }
}
