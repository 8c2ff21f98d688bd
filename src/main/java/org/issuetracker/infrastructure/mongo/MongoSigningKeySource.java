package org.issuetracker.infrastructure.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Date;
import org.bson.Document;
import org.bson.types.Binary;
import org.issuetracker.application.caching.SigningKeySource;

/**
 * The cache's signing key in MongoDB ({@value #COLLECTION} collection), made at random by the first instance that
 * needs it and read by every other: instances of one deployment share it with no configuration, and Redis never
 * holds it. Not part of backups (a restored deployment makes a new one; the cache's old entries are then misses). To
 * change it, delete the document and restart every instance.
 */
@ApplicationScoped
public class MongoSigningKeySource implements SigningKeySource {

    public static final String COLLECTION = "secrets";
    static final String CACHE_KEY = "cache-signing-key";

    @Inject
    MongoDatabase database;

    @Override
    public byte[] signingKey() {
        MongoCollection<Document> secrets = database.getCollection(COLLECTION);
        Document found = secrets.find(Filters.eq("_id", CACHE_KEY)).first();
        if (found == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                secrets.insertOne(new Document("_id", CACHE_KEY)
                        .append("key", new Binary(fresh))
                        .append("createdAt", new Date()));
                return fresh;
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                found = secrets.find(Filters.eq("_id", CACHE_KEY)).first(); // another instance was first
            }
        }
        return found.get("key", Binary.class).getData();
    }
}
