package org.issuetracker.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * What the test run's MongoDB holds, per collection: the number of documents and a SHA-256 over every document in
 * canonical Extended JSON (types kept: an int and a long of the same value differ), sorted by {@code _id}. Two equal
 * fingerprints mean no document was added, removed or changed in any field.
 */
public record DatabaseFingerprint(Map<String, Collection> collections) {

    private static final JsonWriterSettings CANONICAL =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    /** One collection: its count and the hash of its documents. */
    public record Collection(long count, String sha256) {}

    /** The database the integration tests' instances use (arquillian.xml: {@code it.mongo.port}). */
    public static DatabaseFingerprint ofTestDatabase() {
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + Integer.getInteger("it.mongo.port"))) {
            return of(mongo.getDatabase("issuetracker"));
        }
    }

    public static DatabaseFingerprint of(MongoDatabase database) {
        Map<String, Collection> collections = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            List<String> documents = new ArrayList<>();
            for (Document document : database.getCollection(name).find()) {
                documents.add(document.toJson(CANONICAL));
            }
            documents.sort(Comparator.comparing(DatabaseFingerprint::idOf).thenComparing(Comparator.naturalOrder()));
            collections.put(name, new Collection(documents.size(), sha256(documents)));
        }
        return new DatabaseFingerprint(collections);
    }

    public long documents() {
        return collections.values().stream().mapToLong(Collection::count).sum();
    }

    /** The {@code _id} as it starts each canonical document, so that ids of any BSON type sort the same way. */
    private static String idOf(String json) {
        int end = json.indexOf(", \"");
        return end < 0 ? json : json.substring(0, end);
    }

    private static String sha256(List<String> documents) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String document : documents) {
                digest.update(document.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
