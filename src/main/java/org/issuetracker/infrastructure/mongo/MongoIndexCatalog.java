package org.issuetracker.infrastructure.mongo;

import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.issuetracker.application.operations.IndexCatalog;

/** MongoDB's {@code listIndexes} for each collection, against {@link MongoSchema#expected()}. */
@ApplicationScoped
public class MongoIndexCatalog implements IndexCatalog {

    @Inject
    MongoDatabase database;

    @Override
    public List<CollectionIndexes> indexes() {
        List<CollectionIndexes> result = new ArrayList<>();
        for (Map.Entry<String, List<MongoSchema.Index>> collection :
                MongoSchema.expected().entrySet()) {
            List<Index> present = new ArrayList<>();
            for (Document index : database.getCollection(collection.getKey()).listIndexes()) {
                Object keys = index.get("key");
                present.add(new Index(
                        index.getString("name"),
                        keys instanceof Document document ? document.toJson() : String.valueOf(keys),
                        Boolean.TRUE.equals(index.getBoolean("unique")) || "_id_".equals(index.getString("name"))));
            }
            present.sort(java.util.Comparator.comparing(Index::name));
            List<String> missing = collection.getValue().stream()
                    .map(MongoSchema.Index::name)
                    .filter(name ->
                            present.stream().noneMatch(index -> index.name().equals(name)))
                    .toList();
            result.add(new CollectionIndexes(collection.getKey(), present, missing));
        }
        return result;
    }
}
