package org.issuetracker.support;

import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of every integration test: the shipped WAR on a managed Payara Micro (or OpenLiberty, in the Liberty run
 * of the portable suites: {@link #onLiberty()}), tested from outside over HTTP as users and integrators see it. All
 * subclasses share one deployment, so one server boot ({@link SuiteDeployment}).
 */
@ExtendWith(ArquillianExtension.class)
public abstract class ArquillianIT {

    @ArquillianResource
    protected URL deployment;

    protected Http http;

    @BeforeEach
    void connect() {
        http = new Http(deployment);
    }

    /** Whether this run targets OpenLiberty ({@code -Dit.server=liberty}) rather than Payara Micro. */
    protected static boolean onLiberty() {
        return "liberty".equals(System.getProperty("it.server"));
    }

    protected PrometheusText metrics() {
        return PrometheusText.parse(http.get("/metrics").body());
    }

    protected double cacheCounter(String counter, String region) {
        return metrics().value("cache_" + counter + "_total", Map.of("cache", region));
    }

    /** Waits for a condition that the application reaches by itself (e.g. reconnecting), failing after {@code max}. */
    protected static void await(String what, Duration max, BooleanSupplier condition) {
        Await.until(what, max, condition);
    }
}
