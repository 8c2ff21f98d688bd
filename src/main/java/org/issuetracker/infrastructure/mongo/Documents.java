package org.issuetracker.infrastructure.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.issuetracker.domain.shared.ConflictException;

/** What every repository here does the same way: dates, versions and duplicate keys. */
final class Documents {

    static final String ID = "_id";
    static final String VERSION = "version";

    private Documents() {}

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    static List<String> strings(Document document, String field) {
        List<String> values = document.getList(field, String.class);
        return values == null ? List.of() : values;
    }

    static long version(Document document) {
        Number version = document.get(VERSION, Number.class);
        return version == null ? 1 : version.longValue();
    }

    /**
     * Replaces the document with that id if it is still at {@code expectedVersion}, storing {@code next} at the
     * following version: one atomic write, so no request ever leaves a half-changed document.
     */
    static Optional<Document> replaceVersioned(
            MongoCollection<Document> collection, Object id, long expectedVersion, Document next, String conflict) {
        next.put(VERSION, expectedVersion + 1);
        try {
            long matched = collection
                    .replaceOne(Filters.and(Filters.eq(ID, id), Filters.eq(VERSION, expectedVersion)), next)
                    .getMatchedCount();
            return matched == 1 ? Optional.of(next) : Optional.empty();
        } catch (MongoWriteException e) {
            throw duplicateAsConflict(e, conflict);
        }
    }

    /** Inserts at version 1. */
    static Document insert(MongoCollection<Document> collection, Document document, String conflict) {
        document.put(VERSION, 1L);
        try {
            collection.insertOne(document);
            return document;
        } catch (MongoWriteException e) {
            throw duplicateAsConflict(e, conflict);
        }
    }

    private static RuntimeException duplicateAsConflict(MongoWriteException e, String conflict) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY ? new ConflictException(conflict) : e;
    }
}
