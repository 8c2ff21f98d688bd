package org.issuetracker.infrastructure.mongo;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The indexes every query path needs, created idempotently (creating an existing index is a no-op). Tried at
 * start-up; if MongoDB is not there yet, the start-up health check tries again until it succeeds.
 */
@ApplicationScoped
public class MongoSchema {

    private static final Logger LOG = Logger.getLogger(MongoSchema.class.getName());

    @Inject
    MongoDatabase database;

    private volatile boolean ensured;

    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object start) {
        try {
            ensure();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "MongoDB not reachable at start-up; indexes will be created when it is", e);
        }
    }

    /** Creates the indexes unless done already; throws if MongoDB cannot be reached. */
    public void ensure() {
        if (ensured) {
            return;
        }
        database.getCollection(IssueDocuments.COLLECTION)
                .createIndex(MongoIssueRepository.NEWEST_FIRST, new IndexOptions().name("issues_newest_first"));
        ensured = true;
        LOG.info("MongoDB indexes are in place");
    }

    public boolean isEnsured() {
        return ensured;
    }
}
