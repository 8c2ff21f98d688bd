package org.issuetracker.application.preflight;

import java.util.List;

/** MongoDB as configured: its hosts, whether the application authenticates, whether it uses TLS. */
public record MongoFacts(List<String> hosts, boolean authenticates, boolean tls) {

    /** Describes the configuration (the repositories' layer answers). */
    public interface Source {
        MongoFacts ask();
    }
}
