package org.issuetracker.infrastructure.mongo;

import com.mongodb.ConnectionString;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.issuetracker.application.preflight.MongoFacts;

/** MongoDB's hosts, credentials and TLS as {@link MongoSettings} configure the driver. */
@ApplicationScoped
public class MongoConfigurationFacts implements MongoFacts.Source {

    @Inject
    MongoSettings settings;

    @Override
    public MongoFacts ask() {
        List<String> hosts = new ConnectionString(settings.uri())
                .getHosts().stream()
                        .map(MongoConfigurationFacts::hostOnly)
                        .distinct()
                        .toList();
        return new MongoFacts(hosts, settings.authenticates(), settings.tls());
    }

    /** {@code db1:27017} or {@code [::1]:27017} without the port. */
    private static String hostOnly(String hostAndPort) {
        if (hostAndPort.startsWith("[")) {
            return hostAndPort.substring(1, hostAndPort.indexOf(']'));
        }
        int colon = hostAndPort.lastIndexOf(':');
        return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
    }
}
