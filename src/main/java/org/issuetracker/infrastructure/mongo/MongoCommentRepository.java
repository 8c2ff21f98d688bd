package org.issuetracker.infrastructure.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Sorts.descending;
import static com.mongodb.client.model.Sorts.orderBy;
import static org.issuetracker.infrastructure.mongo.Documents.date;
import static org.issuetracker.infrastructure.mongo.Documents.instant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.issuetracker.domain.comment.Comment;
import org.issuetracker.domain.comment.CommentId;
import org.issuetracker.domain.comment.CommentRepository;
import org.issuetracker.domain.issue.IssueId;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;

/** {@link CommentRepository} on the {@code comments} collection. */
@ApplicationScoped
public class MongoCommentRepository implements CommentRepository {

    static final String COLLECTION = "comments";
    static final String ISSUE = "issueId";
    static final String BODY = "body";
    static final String AUTHOR = "author";
    static final String UPVOTERS = "upvoters";
    static final String ARCHIVED = "archived";
    static final String CREATED_AT = "createdAt";
    static final String MODIFIED_AT = "modifiedAt";

    @Inject
    MongoDatabase database;

    @Override
    public CommentId nextId() {
        return new CommentId(new ObjectId().toHexString());
    }

    @Override
    public Comment add(Comment comment) {
        return toComment(Documents.insert(collection(), toDocument(comment), "The comment exists already"));
    }

    @Override
    public Optional<Comment> find(CommentId id) {
        return Optional.ofNullable(collection()
                        .find(eq(Documents.ID, new ObjectId(id.value())))
                        .first())
                .map(MongoCommentRepository::toComment);
    }

    @Override
    public Optional<Comment> replace(Comment changed, long expectedVersion) {
        return Documents.replaceVersioned(
                        collection(),
                        new ObjectId(changed.id().value()),
                        expectedVersion,
                        toDocument(changed),
                        "The comment exists already")
                .map(MongoCommentRepository::toComment);
    }

    @Override
    public List<Comment> forIssue(IssueId issueId, boolean includeArchived) {
        Bson filter =
                includeArchived ? eq(ISSUE, issueId.value()) : and(eq(ISSUE, issueId.value()), eq(ARCHIVED, false));
        return collection()
                .find(filter)
                .sort(orderBy(ascending(CREATED_AT), ascending(Documents.ID)))
                .map(MongoCommentRepository::toComment)
                .into(new ArrayList<>());
    }

    @Override
    public Page<Comment> forIssue(IssueId issueId, PageRequest page) {
        Bson filter = and(eq(ISSUE, issueId.value()), eq(ARCHIVED, false));
        List<Comment> items = collection()
                .find(filter)
                .sort(orderBy(ascending(CREATED_AT), ascending(Documents.ID)))
                .skip((int) page.offset())
                .limit(page.size())
                .map(MongoCommentRepository::toComment)
                .into(new ArrayList<>());
        return Page.of(items, page, collection().countDocuments(filter));
    }

    @Override
    public Page<Comment> byAuthor(String author, PageRequest page) {
        Bson filter = eq(AUTHOR, author);
        List<Comment> items = collection()
                .find(filter)
                .sort(orderBy(descending(CREATED_AT), descending(Documents.ID)))
                .skip((int) page.offset())
                .limit(page.size())
                .map(MongoCommentRepository::toComment)
                .into(new ArrayList<>());
        return Page.of(items, page, collection().countDocuments(filter));
    }

    @Override
    public Map<IssueId, Long> countByIssue(Set<IssueId> issueIds) {
        Map<IssueId, Long> counts = new HashMap<>();
        if (issueIds.isEmpty()) {
            return counts;
        }
        collection()
                .aggregate(List.of(
                        Aggregates.match(and(
                                in(ISSUE, issueIds.stream().map(IssueId::value).toList()), eq(ARCHIVED, false))),
                        Aggregates.group("$" + ISSUE, Accumulators.sum("count", 1))))
                .forEach(row -> counts.put(
                        new IssueId(row.getString("_id")),
                        row.get("count", Number.class).longValue()));
        return counts;
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(COLLECTION);
    }

    private static Document toDocument(Comment comment) {
        return new Document(Documents.ID, new ObjectId(comment.id().value()))
                .append(ISSUE, comment.issueId().value())
                .append(BODY, comment.body())
                .append(AUTHOR, comment.author())
                .append(UPVOTERS, comment.upvoters().stream().sorted().toList())
                .append(ARCHIVED, comment.archived())
                .append(CREATED_AT, date(comment.createdAt()))
                .append(MODIFIED_AT, date(comment.modifiedAt()))
                .append(Documents.VERSION, comment.version());
    }

    private static Comment toComment(Document document) {
        return new Comment(
                new CommentId(document.getObjectId(Documents.ID).toHexString()),
                new IssueId(document.getString(ISSUE)),
                document.getString(BODY),
                document.getString(AUTHOR),
                new HashSet<>(Documents.strings(document, UPVOTERS)),
                Boolean.TRUE.equals(document.getBoolean(ARCHIVED)),
                instant(document, CREATED_AT),
                instant(document, MODIFIED_AT),
                Documents.version(document));
    }
}
