package org.issuetracker.infrastructure.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.issuetracker.support.Promtool;
import org.junit.jupiter.api.Test;

/**
 * server-config/prometheus/ as Prometheus reads it: the scrape configuration, the alert rules, and the rules' unit
 * tests (each alert fires on what should make it fire, and not on look-alikes). An integration test only because
 * promtool is installed before the integration tests.
 */
class PrometheusConfigurationIT {

    private static final Path DIRECTORY = Path.of("server-config", "prometheus");

    @Test
    void theScrapeConfigurationIsValid() {
        Promtool.Result result = Promtool.run(DIRECTORY, "check", "config", "prometheus.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("1 rule files found");
    }

    @Test
    void theAlertRulesAreValid() {
        Promtool.Result result = Promtool.run(DIRECTORY, "check", "rules", "alerts.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("10 rules found");
    }

    @Test
    void theAlertRulesPassTheirUnitTests() {
        Promtool.Result result = Promtool.run(DIRECTORY, "test", "rules", "alerts-test.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }
}
