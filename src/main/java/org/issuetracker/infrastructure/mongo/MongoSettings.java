package org.issuetracker.infrastructure.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.eclipse.microprofile.config.Config;
import org.issuetracker.infrastructure.config.ConfigValues;
import org.issuetracker.infrastructure.config.TrustStores;

/**
 * Where MongoDB is, who the application is to it, and how long to wait for it ({@code mongodb.*} properties).
 *
 * <p>Credentials come either inside {@code mongodb.uri} or, so that the URI can sit in a plain configuration file
 * while the password comes from a secret, from {@code mongodb.username} and {@code mongodb.password} (authenticated
 * against {@code mongodb.auth-source}), which then take precedence. TLS is on when the URI says {@code tls=true} or
 * {@code mongodb.tls.enabled} is true; {@code mongodb.tls.trust-store} names the store of the certificate
 * authorities to trust instead of the JVM's own. No password is ever part of what this class shows: {@link
 * #toString()} and every configuration problem redact it.
 */
@ApplicationScoped
public class MongoSettings {

    private String uri;
    private String database;
    private Duration connectTimeout;
    private Duration serverSelectionTimeout;
    private Duration readTimeout;
    private Optional<String> username;
    private Optional<String> password;
    private String authSource;
    private boolean tls;
    private Optional<String> trustStore;
    private SSLContext sslContext;

    @Inject
    public MongoSettings(Config config) {
        ConfigValues values = new ConfigValues(config);
        uri = values.uri("mongodb.uri", "mongodb", "mongodb+srv").toString();
        database = values.string("mongodb.database");
        connectTimeout = values.duration("mongodb.connect-timeout");
        serverSelectionTimeout = values.duration("mongodb.server-selection-timeout");
        readTimeout = values.duration("mongodb.read-timeout");
        username = values.optionalString("mongodb.username");
        password = values.optionalString("mongodb.password");
        authSource = values.optionalString("mongodb.auth-source").orElse("admin");
        tls = values.bool("mongodb.tls.enabled", false);
        trustStore = values.optionalString("mongodb.tls.trust-store");
        if (username.isPresent() != password.isPresent()) {
            values.problem("mongodb.username and mongodb.password are set together or not at all");
        }
        ConnectionString connection = connectionString(values);
        if (connection != null) {
            tls = tls || Boolean.TRUE.equals(connection.getSslEnabled());
        }
        trustStore.ifPresent(file -> sslContext = trusting(
                values,
                file,
                values.optionalString("mongodb.tls.trust-store-password").orElse(""),
                values.optionalString("mongodb.tls.trust-store-type").orElse("PKCS12")));
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

    /** The driver's settings for these values: address, credentials, TLS and timeouts (listeners are the caller's). */
    public MongoClientSettings.Builder clientSettings() {
        MongoClientSettings.Builder builder = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToSocketSettings(socket -> socket.connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .applyToClusterSettings(cluster ->
                        cluster.serverSelectionTimeout(serverSelectionTimeout.toMillis(), TimeUnit.MILLISECONDS));
        if (username.isPresent()) {
            builder.credential(MongoCredential.createCredential(
                    username.get(), authSource, password.orElseThrow().toCharArray()));
        }
        if (tls) {
            builder.applyToSslSettings(ssl -> {
                ssl.enabled(true);
                if (sslContext != null) {
                    ssl.context(sslContext);
                }
            });
        }
        return builder;
    }

    /** The URI as configured: it may hold a password, so it is for the driver only (show {@link #redactedUri()}). */
    String uri() {
        return uri;
    }

    /** The URI as it may be shown: without its password. */
    public String redactedUri() {
        return ConfigValues.redacted(uri);
    }

    /** Whether the application authenticates to MongoDB: a user in the URI or {@code mongodb.username}. */
    public boolean authenticates() {
        return username.isPresent() || new ConnectionString(uri).getCredential() != null;
    }

    public boolean tls() {
        return tls;
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

    @Override
    public String toString() {
        return "MongoDB " + redactedUri() + " database " + database + (tls ? " over TLS" : "")
                + username.map(user -> " as " + user).orElse("");
    }

    /** The URI as the driver reads it; a problem (without the URI's password) when the driver refuses it. */
    private ConnectionString connectionString(ConfigValues values) {
        try {
            return new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            values.problem("mongodb.uri '" + redactedUri() + "' is refused by the MongoDB driver: "
                    + e.getMessage().replace(uri, redactedUri()));
            return null;
        }
    }

    private static SSLContext trusting(ConfigValues values, String file, String storePassword, String type) {
        try {
            return TrustStores.context(Path.of(file), storePassword, type);
        } catch (IOException | GeneralSecurityException e) {
            values.problem(
                    "mongodb.tls.trust-store '" + file + "' cannot be read as a " + type + " store: " + e.getMessage());
            return null;
        }
    }
}
