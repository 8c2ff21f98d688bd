package org.issuetracker.infrastructure.mongo;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.issuetracker.application.backup.BackupRecord;
import org.issuetracker.application.backup.BackupRecords;

/** The backup records in their own collection, {@value #COLLECTION}, newest found by time. */
@ApplicationScoped
public class MongoBackupRecords implements BackupRecords {

    public static final String COLLECTION = "backups";

    @Inject
    MongoDatabase database;

    @Override
    public void add(BackupRecord record) {
        database.getCollection(COLLECTION)
                .insertOne(new Document("kind", record.kind().name())
                        .append("at", Date.from(record.at()))
                        .append("by", record.by())
                        .append("bytes", record.bytes())
                        .append("sha256", record.sha256())
                        .append("documents", record.documents())
                        .append("succeeded", record.succeeded())
                        .append("detail", record.detail()));
    }

    @Override
    public Optional<BackupRecord> latest(BackupRecord.Kind kind) {
        return Optional.ofNullable(database.getCollection(COLLECTION)
                        .find(Filters.and(Filters.eq("kind", kind.name()), Filters.eq("succeeded", true)))
                        .sort(Sorts.descending("at"))
                        .first())
                .map(MongoBackupRecords::record);
    }

    @Override
    public List<BackupRecord> recent(int limit) {
        return database.getCollection(COLLECTION)
                .find()
                .sort(Sorts.descending("at"))
                .limit(limit)
                .map(MongoBackupRecords::record)
                .into(new ArrayList<>());
    }

    private static BackupRecord record(Document document) {
        return new BackupRecord(
                BackupRecord.Kind.valueOf(document.getString("kind")),
                document.getDate("at").toInstant(),
                document.getString("by"),
                ((Number) document.get("bytes")).longValue(),
                document.getString("sha256"),
                ((Number) document.get("documents")).longValue(),
                document.getBoolean("succeeded", false),
                document.getString("detail"));
    }
}
