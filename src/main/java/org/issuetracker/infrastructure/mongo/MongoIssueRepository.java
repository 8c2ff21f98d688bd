package org.issuetracker.infrastructure.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.descending;
import static org.issuetracker.infrastructure.mongo.IssueDocuments.CREATED_AT;
import static org.issuetracker.infrastructure.mongo.IssueDocuments.ID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.issue.IssueId;
import org.issuetracker.domain.issue.IssueRepository;
import org.issuetracker.domain.issue.NewIssue;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;

/** {@link IssueRepository} on the {@code issues} collection. */
@ApplicationScoped
public class MongoIssueRepository implements IssueRepository {

    /** Newest first; the id breaks ties between issues filed in the same millisecond. */
    static final Bson NEWEST_FIRST = descending(CREATED_AT, ID);

    @Inject
    MongoDatabase database;

    @Override
    public Issue add(NewIssue issue, Instant createdAt) {
        Issue stored =
                new Issue(new IssueId(new ObjectId().toHexString()), issue.title(), issue.description(), createdAt);
        collection().insertOne(IssueDocuments.toDocument(stored));
        return stored;
    }

    @Override
    public Optional<Issue> find(IssueId id) {
        return Optional.ofNullable(
                        collection().find(eq(ID, new ObjectId(id.value()))).first())
                .map(IssueDocuments::toIssue);
    }

    @Override
    public Page<Issue> newestFirst(PageRequest request) {
        List<Issue> items = collection()
                .find()
                .sort(NEWEST_FIRST)
                .skip((int) request.offset())
                .limit(request.size())
                .map(IssueDocuments::toIssue)
                .into(new ArrayList<>());
        return Page.of(items, request, collection().countDocuments());
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(IssueDocuments.COLLECTION);
    }
}
