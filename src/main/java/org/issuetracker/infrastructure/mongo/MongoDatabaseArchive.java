package org.issuetracker.infrastructure.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonParseException;
import org.bson.json.JsonWriterSettings;
import org.issuetracker.application.backup.DatabaseArchive;
import org.issuetracker.application.backup.InvalidArchiveException;
import org.issuetracker.application.backup.Manifest;

/**
 * A logical backup through the driver, so it works against any MongoDB (no {@code mongodump} needed): a ZIP archive
 * with one entry per collection, {@code collections/<name>.jsonl}, one document per line in canonical extended JSON
 * (which keeps every BSON type: dates, 64-bit numbers, ids), in {@code _id} order, and a last entry {@code
 * manifest.json} with each collection's count and the SHA-256 of its lines. The backup records and the secrets (the cache's
 * signing key, see {@link MongoSigningKeySource}) are not part of it.
 */
@ApplicationScoped
public class MongoDatabaseArchive implements DatabaseArchive {

    static final String MANIFEST = "manifest.json";
    static final String PREFIX = "collections/";
    static final String SUFFIX = ".jsonl";

    private static final JsonWriterSettings CANONICAL =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final int BATCH = 500;

    @Inject
    MongoClient client;

    @Inject
    MongoSettings settings;

    @Override
    public Manifest write(OutputStream out) throws IOException {
        MongoDatabase database = client.getDatabase(settings.database());
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        List<Manifest.CollectionSummary> summaries = new ArrayList<>();
        for (String name : collections(database)) {
            zip.putNextEntry(new ZipEntry(PREFIX + name + SUFFIX));
            Hasher hasher = new Hasher();
            for (RawBsonDocument document :
                    database.getCollection(name, RawBsonDocument.class).find().sort(Sorts.ascending("_id"))) {
                byte[] line = hasher.add(document);
                zip.write(line);
            }
            zip.closeEntry();
            summaries.add(hasher.summary(name));
        }
        Manifest manifest =
                new Manifest(Manifest.FORMAT, Manifest.VERSION, settings.database(), Instant.now(), summaries);
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(toJson(manifest).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
        zip.flush();
        return manifest;
    }

    @Override
    public Manifest verify(InputStream in) throws IOException {
        Map<String, Manifest.CollectionSummary> found = new LinkedHashMap<>();
        Manifest manifest = null;
        try {
            ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(MANIFEST)) {
                    manifest = fromJson(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                } else {
                    String name = collectionOf(entry);
                    Hasher hasher = new Hasher();
                    BufferedReader lines = new BufferedReader(new InputStreamReader(zip, StandardCharsets.UTF_8));
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        hasher.add(parse(name, line));
                    }
                    found.put(name, hasher.summary(name));
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new InvalidArchiveException("The archive is not a complete ZIP file: " + e.getMessage());
        }
        if (manifest == null) {
            throw new InvalidArchiveException(
                    found.isEmpty() ? "The body is not a backup archive" : "The archive has no manifest: cut short?");
        }
        Manifest read = new Manifest(
                manifest.format(),
                manifest.version(),
                manifest.database(),
                manifest.createdAt(),
                List.copyOf(found.values()));
        if (!manifest.sameContentAs(read)) {
            throw new InvalidArchiveException(
                    "The archive does not match its manifest in " + String.join(", ", manifest.differencesFrom(read)));
        }
        return manifest;
    }

    @Override
    public void load(InputStream in, String target) throws IOException {
        MongoDatabase database = client.getDatabase(target);
        ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            if (entry.getName().equals(MANIFEST)) {
                continue;
            }
            String name = collectionOf(entry);
            MongoCollection<BsonDocument> collection = database.getCollection(name, BsonDocument.class);
            collection.drop();
            List<BsonDocument> batch = new ArrayList<>(BATCH);
            BufferedReader lines = new BufferedReader(new InputStreamReader(zip, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                batch.add(parse(name, line));
                if (batch.size() == BATCH) {
                    collection.insertMany(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                collection.insertMany(batch);
            }
        }
        MongoSchema.createIndexes(database);
    }

    @Override
    public Manifest contents(String name) {
        MongoDatabase database = client.getDatabase(name);
        List<Manifest.CollectionSummary> summaries = new ArrayList<>();
        for (String collection : collections(database)) {
            Hasher hasher = new Hasher();
            for (RawBsonDocument document : database.getCollection(collection, RawBsonDocument.class)
                    .find()
                    .sort(Sorts.ascending("_id"))) {
                hasher.add(document);
            }
            summaries.add(hasher.summary(collection));
        }
        return new Manifest(Manifest.FORMAT, Manifest.VERSION, name, Instant.now(), summaries);
    }

    @Override
    public long usersWork(String name) {
        MongoDatabase database = client.getDatabase(name);
        return List.of(IssueDocuments.COLLECTION, MongoCommentRepository.COLLECTION, MongoHistoryRepository.COLLECTION)
                .stream()
                .mapToLong(collection -> database.getCollection(collection).countDocuments())
                .sum();
    }

    @Override
    public void drop(String name) {
        MongoDatabase database = client.getDatabase(name);
        for (String collection : database.listCollectionNames()) {
            database.getCollection(collection).drop();
        }
    }

    @Override
    public String liveDatabase() {
        return settings.database();
    }

    /** The collections worth keeping, sorted: not the system's, not the backup records, not the secrets. */
    private static List<String> collections(MongoDatabase database) {
        TreeSet<String> names = new TreeSet<>();
        for (String name : database.listCollectionNames()) {
            if (!name.startsWith("system.")
                    && !name.equals(MongoBackupRecords.COLLECTION)
                    && !name.equals(MongoSigningKeySource.COLLECTION)) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private static String collectionOf(ZipEntry entry) {
        String name = entry.getName();
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
            throw new InvalidArchiveException("The archive holds an unexpected entry: " + name);
        }
        String collection = name.substring(PREFIX.length(), name.length() - SUFFIX.length());
        if (collection.isEmpty()
                || collection.contains("/")
                || collection.startsWith("system.")
                || collection.equals(MongoBackupRecords.COLLECTION)
                || collection.equals(MongoSigningKeySource.COLLECTION)) {
            throw new InvalidArchiveException("The archive holds an unexpected entry: " + name);
        }
        return collection;
    }

    private static BsonDocument parse(String collection, String line) {
        try {
            return BsonDocument.parse(line);
        } catch (JsonParseException | BsonInvalidOperationException e) {
            throw new InvalidArchiveException(
                    "A document of " + collection + " in the archive is not extended JSON: " + e.getMessage());
        }
    }

    static String toJson(Manifest manifest) {
        List<Document> collections = manifest.collections().stream()
                .map(c -> new Document("name", c.name())
                        .append("count", c.count())
                        .append("sha256", c.sha256()))
                .toList();
        return new Document("format", manifest.format())
                .append("version", manifest.version())
                .append("database", manifest.database())
                .append("createdAt", manifest.createdAt().toString())
                .append("collections", collections)
                .toJson();
    }

    static Manifest fromJson(String json) {
        try {
            Document document = Document.parse(json);
            if (!Manifest.FORMAT.equals(document.getString("format"))) {
                throw new InvalidArchiveException("The archive's manifest is not of an issue tracker backup");
            }
            if (document.getInteger("version", 0) != Manifest.VERSION) {
                throw new InvalidArchiveException("The archive is of format version " + document.get("version")
                        + "; this version of the application reads version " + Manifest.VERSION);
            }
            List<Manifest.CollectionSummary> collections = document.getList("collections", Document.class).stream()
                    .map(c -> new Manifest.CollectionSummary(
                            c.getString("name"), ((Number) c.get("count")).longValue(), c.getString("sha256")))
                    .toList();
            return new Manifest(
                    Manifest.FORMAT,
                    Manifest.VERSION,
                    document.getString("database"),
                    Instant.parse(document.getString("createdAt")),
                    collections);
        } catch (RuntimeException e) {
            if (e instanceof InvalidArchiveException invalid) {
                throw invalid;
            }
            throw new InvalidArchiveException("The archive's manifest cannot be read: " + e.getMessage());
        }
    }

    /** Counts documents and hashes their lines, as written to the archive. */
    private static final class Hasher {
        private final MessageDigest digest;
        private long count;

        Hasher() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        byte[] add(BsonDocument document) {
            byte[] line = (document.toJson(CANONICAL) + "\n").getBytes(StandardCharsets.UTF_8);
            digest.update(line);
            count++;
            return line;
        }

        Manifest.CollectionSummary summary(String name) {
            return new Manifest.CollectionSummary(name, count, HexFormat.of().formatHex(digest.digest()));
        }
    }
}
