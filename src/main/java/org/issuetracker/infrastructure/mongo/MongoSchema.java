package org.issuetracker.infrastructure.mongo;

import static com.mongodb.client.model.Indexes.ascending;
import static com.mongodb.client.model.Indexes.descending;
import static org.issuetracker.infrastructure.mongo.IssueDocuments.*;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
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
        MongoCollection<Document> issues = database.getCollection(IssueDocuments.COLLECTION);
        // The public list and its sorts: visibility first, then the order
        index(issues, "issues_public_newest", descending(ARCHIVED, APPROVAL, CREATED_AT, ID), false);
        index(issues, "issues_public_votes", descending(ARCHIVED, APPROVAL, VOTE_COUNT, CREATED_AT), false);
        index(issues, "issues_public_updated", descending(ARCHIVED, APPROVAL, MODIFIED_AT), false);
        // Filters
        index(issues, "issues_author", ascending(AUTHOR, CREATED_AT), false);
        index(issues, "issues_assignee", ascending(ASSIGNEE, CREATED_AT), false);
        index(issues, "issues_status", ascending(STATUS, CREATED_AT), false);
        index(issues, "issues_category", ascending(CATEGORY, CREATED_AT), false);
        index(issues, "issues_labels", ascending(LABELS), false);
        index(issues, "issues_closed_at", ascending(CLOSED_AT), false);
        index(
                database.getCollection(MongoCommentRepository.COLLECTION),
                "comments_issue",
                ascending(MongoCommentRepository.ISSUE, MongoCommentRepository.CREATED_AT),
                false);
        // A user's comments on their profile page
        index(
                database.getCollection(MongoCommentRepository.COLLECTION),
                "comments_author",
                descending(MongoCommentRepository.AUTHOR, MongoCommentRepository.CREATED_AT),
                false);
        index(
                database.getCollection(MongoHistoryRepository.COLLECTION),
                "history_issue",
                ascending(MongoHistoryRepository.ISSUE, MongoHistoryRepository.AT),
                false);
        for (ReferenceKind kind : ReferenceKind.values()) {
            index(
                    database.getCollection(MongoReferenceRepository.collectionName(kind)),
                    "name_unique",
                    ascending(MongoReferenceRepository.NAME_KEY),
                    true);
        }
        ensured = true;
        LOG.info("MongoDB indexes are in place");
    }

    private static void index(MongoCollection<Document> collection, String name, Bson keys, boolean unique) {
        collection.createIndex(keys, new IndexOptions().name(name).unique(unique));
    }

    public boolean isEnsured() {
        return ensured;
    }
}
