package org.issuetracker.infrastructure.mongo;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.issuetracker.domain.issue.Approval;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.issue.IssueId;

/**
 * Seeds the benchmark's issues straight into MongoDB, in the application's own document format (this class sits in
 * the repository's package to use its mapping): 10 000 issues through the API would take minutes of PBKDF2.
 */
public final class BenchmarkIssues {

    private BenchmarkIssues() {}

    /** Inserts {@code count} approved issues by {@code author} in the first category, Open, and returns their ids. */
    public static List<String> insert(MongoDatabase database, int count, String author) {
        return insert(
                database,
                count,
                database.getCollection("categories")
                        .find()
                        .first()
                        .getObjectId("_id")
                        .toHexString(),
                database.getCollection("statuses")
                        .find(new Document("name", "Open"))
                        .first()
                        .getObjectId("_id")
                        .toHexString(),
                author);
    }

    /** Inserts {@code count} approved issues and returns their ids, oldest first. */
    public static List<String> insert(
            MongoDatabase database, int count, String categoryId, String statusId, String author) {
        Instant start = Instant.now().minus(count, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        List<Document> batch = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = new ObjectId().toHexString();
            Instant created = start.plus(i, ChronoUnit.MINUTES);
            batch.add(IssueDocuments.toDocument(new Issue(
                    new IssueId(id),
                    "Benchmark issue " + i,
                    "Seeded for the cache benchmark, number " + i + ".",
                    categoryId,
                    statusId,
                    author,
                    null,
                    List.of("bench-" + (i % 50)),
                    Set.of(),
                    Approval.APPROVED,
                    new Issue.Decision(author, created),
                    null,
                    null,
                    null,
                    created,
                    created,
                    0)));
            ids.add(id);
            if (batch.size() == 1000) {
                database.getCollection(IssueDocuments.COLLECTION).insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            database.getCollection(IssueDocuments.COLLECTION).insertMany(batch);
        }
        return ids;
    }

    /** The issue's version and vote count as MongoDB has them (the record, to compare what the cache serves with). */
    public static long[] versionAndVotes(MongoDatabase database, String id) {
        Issue issue = IssueDocuments.toIssue(database.getCollection(IssueDocuments.COLLECTION)
                .find(new Document(Documents.ID, new ObjectId(id)))
                .first());
        return new long[] {issue.version(), issue.voteCount()};
    }
}
