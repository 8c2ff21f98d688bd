package org.issuetracker.infrastructure.mongo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.issuetracker.infrastructure.config.ConfigValues;

/** Where MongoDB is and how long to wait for it ({@code mongodb.*} properties). */
@ApplicationScoped
public class MongoSettings {

    private String uri;
    private String database;
    private Duration connectTimeout;
    private Duration serverSelectionTimeout;
    private Duration readTimeout;

    @Inject
    public MongoSettings(Config config) {
        ConfigValues values = new ConfigValues(config);
        uri = values.uri("mongodb.uri", "mongodb", "mongodb+srv").toString();
        database = values.string("mongodb.database");
        connectTimeout = values.duration("mongodb.connect-timeout");
        serverSelectionTimeout = values.duration("mongodb.server-selection-timeout");
        readTimeout = values.duration("mongodb.read-timeout");
        values.validate();
    }

    /**
     * Creates the bean, so reads and checks the values, while the application starts: a malformed value stops the
     * deployment, and the values are read with the application's class loader (Payara runs health checks under its
     * default web module, where the application's microprofile-config.properties is not visible).
     */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object start) {
        uri.hashCode();
    }

    /** CDI needs a no-argument constructor for the client proxy. */
    protected MongoSettings() {}

    public String uri() {
        return uri;
    }

    public String database() {
        return database;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration serverSelectionTimeout() {
        return serverSelectionTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }
}
