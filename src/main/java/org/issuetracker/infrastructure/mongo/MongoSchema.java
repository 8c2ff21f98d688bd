package org.issuetracker.infrastructure.mongo;

import static com.mongodb.client.model.Indexes.ascending;
import static com.mongodb.client.model.Indexes.descending;
import static org.issuetracker.infrastructure.mongo.IssueDocuments.*;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.conversions.Bson;
import org.issuetracker.application.setup.InitialData;
import org.issuetracker.domain.reference.ReferenceKind;

/**
 * The indexes every query path needs, created idempotently (creating an existing index is a no-op). Tried at
 * start-up; if MongoDB is not there yet, the start-up health check tries again until it succeeds.
 */
@ApplicationScoped
public class MongoSchema {

    private static final Logger LOG = Logger.getLogger(MongoSchema.class.getName());

    @Inject
    MongoDatabase database;

    @Inject
    InitialData initialData;

    private volatile boolean ensured;

    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object start) {
        try {
            ensure();
            initialData.ensure();
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "MongoDB not reachable at start-up; indexes and initial data will be created when it is",
                    e);
        }
    }

    /** Creates the indexes unless done already; throws if MongoDB cannot be reached. */
    public void ensure() {
        if (ensured) {
            return;
        }
        createIndexes(database);
        ensured = true;
        LOG.info("MongoDB indexes are in place");
    }

    /** Creates the indexes in {@code database} (idempotent): the live one, or one a backup was restored into. */
    public static void createIndexes(MongoDatabase database) {
        for (Index index : INDEXES) {
            database.getCollection(index.collection())
                    .createIndex(
                            index.keys(), new IndexOptions().name(index.name()).unique(index.unique()));
        }
    }

    /** The collections of the application, and the indexes each needs besides {@code _id}. */
    public static Map<String, List<Index>> expected() {
        Map<String, List<Index>> byCollection = new LinkedHashMap<>();
        for (String collection : COLLECTIONS) {
            byCollection.put(collection, new ArrayList<>());
        }
        INDEXES.forEach(index -> byCollection.get(index.collection()).add(index));
        return byCollection;
    }

    /** An index the application's queries need: in which collection, its name, its keys, whether it is unique. */
    public record Index(String collection, String name, Bson keys, boolean unique) {}

    private static final List<String> COLLECTIONS = List.of(
            IssueDocuments.COLLECTION,
            MongoCommentRepository.COLLECTION,
            MongoHistoryRepository.COLLECTION,
            MongoUserRepository.COLLECTION,
            MongoApiTokenRepository.COLLECTION,
            MongoReferenceRepository.collectionName(ReferenceKind.CATEGORY),
            MongoReferenceRepository.collectionName(ReferenceKind.STATUS));

    private static final List<Index> INDEXES = indexes();

    private static List<Index> indexes() {
        String issues = IssueDocuments.COLLECTION;
        String comments = MongoCommentRepository.COLLECTION;
        List<Index> indexes = new ArrayList<>(List.of(
                // The public list and its sorts: visibility first, then the order
                new Index(issues, "issues_public_newest", descending(ARCHIVED, APPROVAL, CREATED_AT, ID), false),
                new Index(issues, "issues_public_votes", descending(ARCHIVED, APPROVAL, VOTE_COUNT, CREATED_AT), false),
                new Index(issues, "issues_public_updated", descending(ARCHIVED, APPROVAL, MODIFIED_AT), false),
                // Filters
                new Index(issues, "issues_author", ascending(AUTHOR, CREATED_AT), false),
                new Index(issues, "issues_assignee", ascending(ASSIGNEE, CREATED_AT), false),
                new Index(issues, "issues_status", ascending(STATUS, CREATED_AT), false),
                new Index(issues, "issues_category", ascending(CATEGORY, CREATED_AT), false),
                new Index(issues, "issues_labels", ascending(LABELS), false),
                new Index(issues, "issues_closed_at", ascending(CLOSED_AT), false),
                new Index(
                        comments,
                        "comments_issue",
                        ascending(MongoCommentRepository.ISSUE, MongoCommentRepository.CREATED_AT),
                        false),
                // A user's comments on their profile page
                new Index(
                        comments,
                        "comments_author",
                        descending(MongoCommentRepository.AUTHOR, MongoCommentRepository.CREATED_AT),
                        false),
                new Index(
                        MongoHistoryRepository.COLLECTION,
                        "history_issue",
                        ascending(MongoHistoryRepository.ISSUE, MongoHistoryRepository.AT),
                        false),
                // Every request with an API token looks it up by its secret's digest; unique, so one token per secret
                new Index(
                        MongoApiTokenRepository.COLLECTION,
                        "api_tokens_digest",
                        ascending(MongoApiTokenRepository.DIGEST),
                        true),
                // A user's tokens on their profile page, and the count that bounds them
                new Index(
                        MongoApiTokenRepository.COLLECTION,
                        "api_tokens_owner",
                        descending(MongoApiTokenRepository.OWNER, MongoApiTokenRepository.CREATED_AT),
                        false)));
        for (ReferenceKind kind : ReferenceKind.values()) {
            indexes.add(new Index(
                    MongoReferenceRepository.collectionName(kind),
                    "name_unique",
                    ascending(MongoReferenceRepository.NAME_KEY),
                    true));
        }
        return List.copyOf(indexes);
    }

    public boolean isEnsured() {
        return ensured;
    }
}
