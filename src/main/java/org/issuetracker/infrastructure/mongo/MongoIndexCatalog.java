package org.issuetracker.infrastructure.mongo;

import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.BsonDocument;
import org.bson.Document;
import org.issuetracker.application.operations.IndexCatalog;

/** MongoDB's {@code listIndexes} for each collection, against {@link MongoSchema#expected()}: by name, keys and uniqueness. */
@ApplicationScoped
public class MongoIndexCatalog implements IndexCatalog {

    @Inject
    MongoDatabase database;

    @Override
    public List<CollectionIndexes> indexes() {
        List<CollectionIndexes> result = new ArrayList<>();
        for (Map.Entry<String, List<MongoSchema.Index>> collection :
                MongoSchema.expected().entrySet()) {
            Map<String, Document> byName = new TreeMap<>();
            for (Document index : database.getCollection(collection.getKey()).listIndexes()) {
                byName.put(index.getString("name"), index);
            }
            List<Index> present = byName.values().stream()
                    .map(index -> new Index(
                            index.getString("name"),
                            index.get("key", Document.class).toJson(),
                            isUnique(index)))
                    .toList();
            List<String> missing = new ArrayList<>();
            List<String> different = new ArrayList<>();
            for (MongoSchema.Index expected : collection.getValue()) {
                Document actual = byName.get(expected.name());
                if (actual == null) {
                    missing.add(expected.name());
                } else if (!sameKeys(actual.get("key", Document.class), expected)
                        || isUnique(actual) != expected.unique()) {
                    different.add(expected.name());
                }
            }
            result.add(new CollectionIndexes(collection.getKey(), present, missing, different));
        }
        return result;
    }

    private static boolean isUnique(Document index) {
        return Boolean.TRUE.equals(index.getBoolean("unique")) || "_id_".equals(index.getString("name"));
    }

    /** The same fields in the same order and directions (servers may answer 1, 1.0 or 1L). */
    static boolean sameKeys(Document actual, MongoSchema.Index expected) {
        BsonDocument wanted = expected.keys().toBsonDocument();
        if (actual == null || !new ArrayList<>(actual.keySet()).equals(new ArrayList<>(wanted.keySet()))) {
            return false;
        }
        for (String field : wanted.keySet()) {
            Object direction = actual.get(field);
            if (!(direction instanceof Number number)
                    || number.intValue() != wanted.get(field).asNumber().intValue()) {
                return false;
            }
        }
        return true;
    }
}
