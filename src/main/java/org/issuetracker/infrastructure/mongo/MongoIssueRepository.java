package org.issuetracker.infrastructure.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.regex;
import static org.issuetracker.infrastructure.mongo.IssueDocuments.APPROVAL;
import static org.issuetracker.infrastructure.mongo.IssueDocuments.ARCHIVED;
import static org.issuetracker.infrastructure.mongo.IssueDocuments.ID;
import static org.issuetracker.infrastructure.mongo.IssueDocuments.LABELS;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.issuetracker.domain.issue.Approval;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.issue.IssueId;
import org.issuetracker.domain.issue.IssueQuery;
import org.issuetracker.domain.issue.IssueRepository;
import org.issuetracker.domain.shared.Page;

/** {@link IssueRepository} on the {@code issues} collection. */
@ApplicationScoped
public class MongoIssueRepository implements IssueRepository {

    @Inject
    MongoDatabase database;

    @Override
    public IssueId nextId() {
        return new IssueId(new ObjectId().toHexString());
    }

    @Override
    public Issue add(Issue issue) {
        return IssueDocuments.toIssue(
                Documents.insert(collection(), IssueDocuments.toDocument(issue), "The issue exists already"));
    }

    @Override
    public Optional<Issue> find(IssueId id) {
        return Optional.ofNullable(
                        collection().find(eq(ID, new ObjectId(id.value()))).first())
                .map(IssueDocuments::toIssue);
    }

    @Override
    public java.util.Map<IssueId, Issue> findAll(java.util.Collection<IssueId> ids) {
        java.util.Map<IssueId, Issue> found = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        collection()
                .find(in(ID, ids.stream().map(id -> new ObjectId(id.value())).toList()))
                .map(IssueDocuments::toIssue)
                .forEach(issue -> found.put(issue.id(), issue));
        return found;
    }

    @Override
    public Optional<Issue> replace(Issue changed, long expectedVersion) {
        return Documents.replaceVersioned(
                        collection(),
                        new ObjectId(changed.id().value()),
                        expectedVersion,
                        IssueDocuments.toDocument(changed),
                        "The issue exists already")
                .map(IssueDocuments::toIssue);
    }

    @Override
    public Page<Issue> search(IssueQuery query) {
        Bson filter = IssueFilters.filter(query);
        List<Issue> items = collection()
                .find(filter)
                .sort(IssueFilters.sort(query.sort()))
                .skip((int) query.page().offset())
                .limit(query.page().size())
                .map(IssueDocuments::toIssue)
                .into(new ArrayList<>());
        return Page.of(items, query.page(), collection().countDocuments(filter));
    }

    @Override
    public List<String> labelsStartingWith(String prefix, int limit) {
        Bson startsWith = regex(LABELS, "^" + Pattern.quote(prefix));
        return collection()
                .aggregate(List.of(
                        // only labels that everyone can see on some issue: not those of pending or archived ones
                        Aggregates.match(and(startsWith, eq(APPROVAL, Approval.APPROVED.name()), eq(ARCHIVED, false))),
                        Aggregates.unwind("$" + LABELS),
                        Aggregates.match(startsWith),
                        Aggregates.group("$" + LABELS, Accumulators.sum("uses", 1)),
                        Aggregates.sort(Sorts.orderBy(Sorts.descending("uses"), Sorts.ascending("_id"))),
                        Aggregates.limit(limit)))
                .map(document -> document.getString("_id"))
                .into(new ArrayList<>());
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(IssueDocuments.COLLECTION);
    }
}
