package org.issuetracker.infrastructure.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.or;
import static org.issuetracker.infrastructure.mongo.IssueDocuments.*;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.issuetracker.domain.issue.Approval;
import org.issuetracker.domain.report.IssueStatistics;

/** {@link IssueStatistics} as aggregations on the {@code issues} collection. */
@ApplicationScoped
public class MongoIssueStatistics implements IssueStatistics {

    /** The figures are about the issues everyone sees: approved and not archived. */
    private static final Bson PUBLIC = and(eq(APPROVAL, Approval.APPROVED.name()), eq(ARCHIVED, false));

    @Inject
    MongoDatabase database;

    @Override
    public Map<String, Long> countByStatus() {
        return countBy(STATUS);
    }

    @Override
    public Map<String, Long> countByCategory() {
        return countBy(CATEGORY);
    }

    @Override
    public List<Map.Entry<String, Long>> topAuthors(int limit) {
        return new ArrayList<>(grouped(AUTHOR, limit).entrySet());
    }

    @Override
    public List<Instant[]> createdAndClosedSince(Instant since) {
        return collection()
                .find(and(PUBLIC, or(gte(CREATED_AT, Documents.date(since)), gte(CLOSED_AT, Documents.date(since)))))
                .projection(Projections.include(CREATED_AT, CLOSED_AT))
                .map(document ->
                        new Instant[] {Documents.instant(document, CREATED_AT), Documents.instant(document, CLOSED_AT)})
                .into(new ArrayList<>());
    }

    private Map<String, Long> countBy(String field) {
        return grouped(field, 1000);
    }

    private Map<String, Long> grouped(String field, int limit) {
        Map<String, Long> counts = new LinkedHashMap<>();
        collection()
                .aggregate(List.of(
                        Aggregates.match(PUBLIC),
                        Aggregates.group("$" + field, Accumulators.sum("count", 1)),
                        Aggregates.sort(Sorts.orderBy(Sorts.descending("count"), Sorts.ascending("_id"))),
                        Aggregates.limit(limit)))
                .forEach(row -> counts.put(
                        row.getString("_id"), row.get("count", Number.class).longValue()));
        return counts;
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(COLLECTION);
    }
}
