package org.issuetracker.infrastructure.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Sorts.orderBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.issuetracker.domain.history.HistoryEntry;
import org.issuetracker.domain.history.HistoryRepository;
import org.issuetracker.domain.issue.IssueId;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;

/**
 * {@link HistoryRepository} on the {@code history} collection. Entries of one change are inserted in one
 * {@code insertMany}, ordered by time and then by their ObjectId (which grows within a process).
 */
@ApplicationScoped
public class MongoHistoryRepository implements HistoryRepository {

    static final String COLLECTION = "history";
    static final String ISSUE = "issueId";
    static final String AT = "at";

    @Inject
    MongoDatabase database;

    @Override
    public void append(List<HistoryEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        collection()
                .insertMany(entries.stream()
                        .map(entry -> new Document(Documents.ID, new ObjectId())
                                .append(ISSUE, entry.issueId().value())
                                .append(AT, Documents.date(entry.at()))
                                .append("by", entry.by())
                                .append("field", entry.field())
                                .append("oldValue", entry.oldValue())
                                .append("newValue", entry.newValue()))
                        .toList());
    }

    @Override
    public Page<HistoryEntry> forIssue(IssueId issueId, PageRequest page) {
        Bson filter = eq(ISSUE, issueId.value());
        List<HistoryEntry> items = collection()
                .find(filter)
                .sort(orderBy(ascending(AT), ascending(Documents.ID)))
                .skip((int) page.offset())
                .limit(page.size())
                .map(document -> entry(issueId, document))
                .into(new ArrayList<>());
        return Page.of(items, page, collection().countDocuments(filter));
    }

    @Override
    public List<HistoryEntry> allForIssue(IssueId issueId) {
        return collection()
                .find(eq(ISSUE, issueId.value()))
                .sort(orderBy(ascending(AT), ascending(Documents.ID)))
                .map(document -> entry(issueId, document))
                .into(new ArrayList<>());
    }

    private static HistoryEntry entry(IssueId issueId, Document document) {
        return new HistoryEntry(
                issueId,
                Documents.instant(document, AT),
                document.getString("by"),
                document.getString("field"),
                document.getString("oldValue"),
                document.getString("newValue"));
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(COLLECTION);
    }
}
