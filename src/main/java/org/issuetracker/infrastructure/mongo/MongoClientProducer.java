package org.issuetracker.infrastructure.mongo;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** The one MongoDB client of the application, built from {@link MongoSettings}, closed on undeployment. */
@ApplicationScoped
public class MongoClientProducer {

    @Inject
    MongoSettings settings;

    @Inject
    MongoCommandMetrics commandMetrics;

    @Inject
    MongoPoolMetrics poolMetrics;

    @Inject
    MongoCommandTracing commandTracing;

    @Produces
    @ApplicationScoped
    MongoClient mongoClient() {
        MongoClientSettings clientSettings = settings.clientSettings()
                .applicationName("issuetracker")
                .addCommandListener(commandMetrics)
                .addCommandListener(commandTracing)
                .applyToConnectionPoolSettings(pool -> pool.addConnectionPoolListener(poolMetrics))
                .build();
        return MongoClients.create(clientSettings);
    }

    @Produces
    @ApplicationScoped
    MongoDatabase database(MongoClient client) {
        return client.getDatabase(settings.database());
    }

    void close(@Disposes MongoClient client) {
        client.close();
    }
}
