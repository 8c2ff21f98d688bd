package org.issuetracker.infrastructure.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;

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
        MongoClientSettings clientSettings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(settings.uri()))
                .applicationName("issuetracker")
                .addCommandListener(commandMetrics)
                .addCommandListener(commandTracing)
                .applyToConnectionPoolSettings(pool -> pool.addConnectionPoolListener(poolMetrics))
                .applyToSocketSettings(socket -> socket.connectTimeout(
                                settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        settings.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
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
