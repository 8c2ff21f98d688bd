package org.issuetracker.infrastructure.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Sorts.descending;
import static org.issuetracker.infrastructure.mongo.Documents.date;
import static org.issuetracker.infrastructure.mongo.Documents.instant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.issuetracker.domain.user.ApiToken;
import org.issuetracker.domain.user.ApiTokenRepository;

/**
 * {@link ApiTokenRepository} on the {@code api_tokens} collection: the token's id is the document id, the digest of
 * its secret has a unique index ({@link MongoSchema}), which is what every authenticated request's lookup uses.
 */
@ApplicationScoped
public class MongoApiTokenRepository implements ApiTokenRepository {

    static final String COLLECTION = "api_tokens";
    static final String DIGEST = "digest";
    static final String OWNER = "owner";
    static final String CREATED_AT = "createdAt";
    private static final String LAST_USED_AT = "lastUsedAt";

    @Inject
    MongoDatabase database;

    @Override
    public ApiToken add(ApiToken token) {
        Documents.insert(collection(), toDocument(token), "An API token with this id or secret exists");
        return token;
    }

    @Override
    public Optional<ApiToken> findByDigest(String digest) {
        return Optional.ofNullable(collection().find(eq(DIGEST, digest)).first())
                .map(MongoApiTokenRepository::toToken);
    }

    @Override
    public List<ApiToken> byOwner(String owner) {
        return collection()
                .find(eq(OWNER, owner))
                .sort(descending(CREATED_AT))
                .map(MongoApiTokenRepository::toToken)
                .into(new ArrayList<>());
    }

    @Override
    public long countByOwner(String owner) {
        return collection().countDocuments(eq(OWNER, owner));
    }

    @Override
    public Optional<ApiToken> remove(String owner, String id) {
        return Optional.ofNullable(collection().findOneAndDelete(and(eq(Documents.ID, id), eq(OWNER, owner))))
                .map(MongoApiTokenRepository::toToken);
    }

    @Override
    public void touch(String id, Instant at, Instant notBefore) {
        collection()
                .updateOne(
                        and(eq(Documents.ID, id), or(eq(LAST_USED_AT, null), lt(LAST_USED_AT, date(notBefore)))),
                        Updates.set(LAST_USED_AT, date(at)));
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(COLLECTION);
    }

    private static Document toDocument(ApiToken token) {
        return new Document(Documents.ID, token.id())
                .append(OWNER, token.owner())
                .append("name", token.name())
                .append(DIGEST, token.digest())
                .append(CREATED_AT, date(token.createdAt()))
                .append("expiresAt", token.expiresAt() == null ? null : date(token.expiresAt()))
                .append(LAST_USED_AT, token.lastUsedAt() == null ? null : date(token.lastUsedAt()));
    }

    private static ApiToken toToken(Document document) {
        return new ApiToken(
                document.getString(Documents.ID),
                document.getString(OWNER),
                document.getString("name"),
                document.getString(DIGEST),
                instant(document, CREATED_AT),
                instant(document, "expiresAt"),
                instant(document, LAST_USED_AT));
    }
}
