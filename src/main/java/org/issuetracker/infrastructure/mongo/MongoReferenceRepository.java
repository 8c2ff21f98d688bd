package org.issuetracker.infrastructure.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.ascending;
import static org.issuetracker.infrastructure.mongo.Documents.date;
import static org.issuetracker.infrastructure.mongo.Documents.instant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.issuetracker.domain.reference.ReferenceItem;
import org.issuetracker.domain.reference.ReferenceKind;
import org.issuetracker.domain.reference.ReferenceRepository;

/**
 * {@link ReferenceRepository} on the {@code categories} and {@code statuses} collections. A unique index on the
 * lower-case name ({@code nameKey}) makes names unique whatever their case, even under concurrent writes.
 */
@ApplicationScoped
public class MongoReferenceRepository implements ReferenceRepository {

    static final String NAME_KEY = "nameKey";

    @Inject
    MongoDatabase database;

    static String collectionName(ReferenceKind kind) {
        return kind == ReferenceKind.CATEGORY ? "categories" : "statuses";
    }

    @Override
    public String nextId() {
        return new ObjectId().toHexString();
    }

    @Override
    public ReferenceItem add(ReferenceItem item) {
        return toItem(item.kind(), Documents.insert(collection(item.kind()), toDocument(item), taken(item)));
    }

    @Override
    public Optional<ReferenceItem> find(ReferenceKind kind, String id) {
        return Optional.ofNullable(collection(kind)
                        .find(eq(Documents.ID, new ObjectId(id)))
                        .first())
                .map(document -> toItem(kind, document));
    }

    @Override
    public Optional<ReferenceItem> findByName(ReferenceKind kind, String name) {
        return Optional.ofNullable(
                        collection(kind).find(eq(NAME_KEY, key(name))).first())
                .map(document -> toItem(kind, document));
    }

    @Override
    public Optional<ReferenceItem> replace(ReferenceItem changed, long expectedVersion) {
        return Documents.replaceVersioned(
                        collection(changed.kind()),
                        new ObjectId(changed.id()),
                        expectedVersion,
                        toDocument(changed),
                        taken(changed))
                .map(document -> toItem(changed.kind(), document));
    }

    @Override
    public List<ReferenceItem> list(ReferenceKind kind, boolean includeArchived) {
        var found = includeArchived ? collection(kind).find() : collection(kind).find(eq("archived", false));
        return found.sort(ascending(NAME_KEY))
                .map(document -> toItem(kind, document))
                .into(new ArrayList<>());
    }

    private MongoCollection<Document> collection(ReferenceKind kind) {
        return database.getCollection(collectionName(kind));
    }

    private static String taken(ReferenceItem item) {
        return "A " + item.kind().label() + " named '" + item.name() + "' exists already";
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static Document toDocument(ReferenceItem item) {
        return new Document(Documents.ID, new ObjectId(item.id()))
                .append("name", item.name())
                .append(NAME_KEY, key(item.name()))
                .append("description", item.description())
                .append("closed", item.closed())
                .append("archived", item.archived())
                .append("createdAt", date(item.createdAt()))
                .append("modifiedAt", date(item.modifiedAt()))
                .append(Documents.VERSION, item.version());
    }

    private static ReferenceItem toItem(ReferenceKind kind, Document document) {
        return new ReferenceItem(
                document.getObjectId(Documents.ID).toHexString(),
                kind,
                document.getString("name"),
                document.getString("description"),
                Boolean.TRUE.equals(document.getBoolean("closed")),
                Boolean.TRUE.equals(document.getBoolean("archived")),
                instant(document, "createdAt"),
                instant(document, "modifiedAt"),
                Documents.version(document));
    }
}
