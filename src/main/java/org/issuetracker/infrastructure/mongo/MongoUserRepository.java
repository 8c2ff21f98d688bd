package org.issuetracker.infrastructure.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.regex;
import static com.mongodb.client.model.Sorts.ascending;
import static org.issuetracker.infrastructure.mongo.Documents.date;
import static org.issuetracker.infrastructure.mongo.Documents.instant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;
import org.issuetracker.domain.user.Role;
import org.issuetracker.domain.user.User;
import org.issuetracker.domain.user.UserRepository;

/** {@link UserRepository} on the {@code users} collection; the username is the document id. */
@ApplicationScoped
public class MongoUserRepository implements UserRepository {

    static final String COLLECTION = "users";

    @Inject
    MongoDatabase database;

    @Override
    public User add(User user) {
        return toUser(
                Documents.insert(collection(), toDocument(user), "The username '" + user.username() + "' is taken"));
    }

    @Override
    public Optional<User> find(String username) {
        return Optional.ofNullable(collection().find(eq(Documents.ID, username)).first())
                .map(MongoUserRepository::toUser);
    }

    @Override
    public Optional<User> replace(User changed, long expectedVersion) {
        return Documents.replaceVersioned(
                        collection(), changed.username(), expectedVersion, toDocument(changed), "Username taken")
                .map(MongoUserRepository::toUser);
    }

    @Override
    public Page<User> list(String usernamePrefix, PageRequest page) {
        // an anchored, literal prefix of the _id: the _id index answers it
        Bson filter = usernamePrefix == null || usernamePrefix.isBlank()
                ? new Document()
                : regex(Documents.ID, "^" + Pattern.quote(usernamePrefix.strip().toLowerCase(Locale.ROOT)));
        List<User> users = collection()
                .find(filter)
                .sort(ascending(Documents.ID))
                .skip((int) page.offset())
                .limit(page.size())
                .map(MongoUserRepository::toUser)
                .into(new ArrayList<>());
        return Page.of(users, page, collection().countDocuments(filter));
    }

    @Override
    public long count() {
        return collection().countDocuments();
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(COLLECTION);
    }

    private static Document toDocument(User user) {
        return new Document(Documents.ID, user.username())
                .append("displayName", user.displayName())
                .append("email", user.email())
                .append("roles", user.roles().stream().map(Role::name).sorted().toList())
                .append("active", user.active())
                .append("passwordHash", user.passwordHash())
                .append("createdAt", date(user.createdAt()))
                .append("modifiedAt", date(user.modifiedAt()))
                .append(Documents.VERSION, user.version())
                .append("passwordChangeRequired", user.passwordChangeRequired())
                .append(
                        "credentialsChangedAt",
                        user.credentialsChangedAt() == null ? null : date(user.credentialsChangedAt()));
    }

    private static User toUser(Document document) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        Documents.strings(document, "roles").forEach(role -> roles.add(Role.valueOf(role)));
        return new User(
                document.getString(Documents.ID),
                document.getString("displayName"),
                document.getString("email"),
                roles,
                Boolean.TRUE.equals(document.getBoolean("active")),
                document.getString("passwordHash"),
                instant(document, "createdAt"),
                instant(document, "modifiedAt"),
                Documents.version(document),
                Boolean.TRUE.equals(document.getBoolean("passwordChangeRequired")),
                instant(document, "credentialsChangedAt"));
    }
}
