package org.issuetracker.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The endpoint names of the HTTP metrics: bounded whatever the URL, so that nobody can flood Prometheus. */
class RequestMetricsFilterTest {

    private static final Predicate<String> VIEWS = Set.of("/index.xhtml", "/issues/view.xhtml")::contains;

    @Test
    void viewsByTheirIdAndPagesThatDoNotExistAsOne() {
        assertThat(RequestMetricsFilter.endpoint("/issues/view.xhtml", 200, VIEWS))
                .isEqualTo("/issues/view.xhtml");
        assertThat(RequestMetricsFilter.endpoint("/admin/anything-" + System.nanoTime() + ".xhtml", 302, VIEWS))
                .isEqualTo("(no such view)");
        assertThat(RequestMetricsFilter.endpoint("/whatever/" + System.nanoTime(), 404, VIEWS))
                .isEqualTo("(not found)");
        assertThat(RequestMetricsFilter.endpoint("", 200, VIEWS)).isEqualTo("/");
        assertThat(RequestMetricsFilter.endpoint("/", 302, VIEWS)).isEqualTo("/");
    }

    @Test
    void resourcesAndOtherPathsByTheirFirstSegment() {
        assertThat(RequestMetricsFilter.endpoint("/jakarta.faces.resource/theme.css.xhtml", 200, VIEWS))
                .isEqualTo("/jakarta.faces.resource/*");
        assertThat(RequestMetricsFilter.endpoint("/language", 303, VIEWS)).isEqualTo("/language");
        assertThat(RequestMetricsFilter.endpoint("/health/ready", 503, VIEWS)).isEqualTo("/health/*");
    }

    @Test
    void apiRequestsNoEndpointMatched() {
        // a matched one carries its path template from EndpointNaming instead
        assertThat(RequestMetricsFilter.endpoint("/api/no/such/thing", 404, VIEWS))
                .isEqualTo("/api/*");
    }

    @Test
    void interfaces() {
        assertThat(RequestMetricsFilter.interfaceOf("/api/issues/{id}")).isEqualTo("api");
        assertThat(RequestMetricsFilter.interfaceOf("/issues/view.xhtml")).isEqualTo("web");
        assertThat(RequestMetricsFilter.interfaceOf("/health/*")).isEqualTo("monitoring");
        assertThat(RequestMetricsFilter.interfaceOf("/metrics/*")).isEqualTo("monitoring");
        assertThat(RequestMetricsFilter.interfaceOf("/metrics")).isEqualTo("monitoring");
    }
}
