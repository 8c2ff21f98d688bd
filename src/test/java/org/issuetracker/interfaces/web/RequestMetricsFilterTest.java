package org.issuetracker.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The endpoint names of the HTTP metrics: bounded whatever the URL, so that nobody can flood Prometheus. */
class RequestMetricsFilterTest {

    /** What the site has: two views, a folder, a servlet. */
    private static final Predicate<String> SITE =
            Set.of("/index.xhtml", "/issues/view.xhtml", "/api-docs", "/language")::contains;

    @Test
    void viewsByTheirIdAndPagesThatDoNotExistAsOne() {
        assertThat(RequestMetricsFilter.endpoint("/issues/view.xhtml", 200, SITE))
                .isEqualTo("/issues/view.xhtml");
        assertThat(RequestMetricsFilter.endpoint("/admin/anything-" + System.nanoTime() + ".xhtml", 302, SITE))
                .isEqualTo("(no such view)");
        assertThat(RequestMetricsFilter.endpoint("/whatever/" + System.nanoTime(), 404, SITE))
                .isEqualTo("(not found)");
        assertThat(RequestMetricsFilter.endpoint("", 200, SITE)).isEqualTo("/");
        assertThat(RequestMetricsFilter.endpoint("/", 302, SITE)).isEqualTo("/");
    }

    @Test
    void pathsTheSiteHasByTheirFirstSegment() {
        assertThat(RequestMetricsFilter.endpoint("/jakarta.faces.resource/theme.css.xhtml", 200, SITE))
                .isEqualTo("/jakarta.faces.resource/*");
        assertThat(RequestMetricsFilter.endpoint("/language", 303, SITE)).isEqualTo("/language");
        assertThat(RequestMetricsFilter.endpoint("/api-docs/index.html", 200, SITE))
                .isEqualTo("/api-docs/*");
        assertThat(RequestMetricsFilter.endpoint("/health/ready", 503, SITE)).isEqualTo("/health/*");
        assertThat(RequestMetricsFilter.endpoint("/metrics", 200, SITE)).isEqualTo("/metrics/*");
    }

    @Test
    void pathsTheSiteDoesNotHaveAreOneNameWhateverTheyAreAnswered() {
        // OPTIONS may be answered 200, PUT or DELETE 403 or 405 by the default servlet: still one name
        for (int status : new int[] {200, 403, 405}) {
            assertThat(RequestMetricsFilter.endpoint("/random-" + System.nanoTime(), status, SITE))
                    .isEqualTo("(other)");
            assertThat(RequestMetricsFilter.endpoint("/random-" + System.nanoTime() + "/deeper", status, SITE))
                    .isEqualTo("(other)");
        }
    }

    @Test
    void apiRequestsNoEndpointMatched() {
        // a matched one carries its path template from EndpointNaming instead
        assertThat(RequestMetricsFilter.endpoint("/api/no/such/thing", 404, SITE))
                .isEqualTo("/api/*");
        assertThat(RequestMetricsFilter.endpoint("/api", 405, SITE)).isEqualTo("/api/*");
    }

    @Test
    void interfaces() {
        assertThat(RequestMetricsFilter.interfaceOf("/api/issues/{id}")).isEqualTo("api");
        assertThat(RequestMetricsFilter.interfaceOf("/api/*")).isEqualTo("api");
        assertThat(RequestMetricsFilter.interfaceOf("/issues/view.xhtml")).isEqualTo("web");
        assertThat(RequestMetricsFilter.interfaceOf("/api-docs/*")).isEqualTo("web");
        assertThat(RequestMetricsFilter.interfaceOf("(other)")).isEqualTo("web");
        assertThat(RequestMetricsFilter.interfaceOf("/jakarta.faces.resource/*"))
                .isEqualTo("resources");
        assertThat(RequestMetricsFilter.interfaceOf("/health/*")).isEqualTo("monitoring");
        assertThat(RequestMetricsFilter.interfaceOf("/metrics/*")).isEqualTo("monitoring");
    }
}
