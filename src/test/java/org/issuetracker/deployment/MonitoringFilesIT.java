package org.issuetracker.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.issuetracker.support.Promtool;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The monitoring shape's own files: Prometheus' configuration for the compose network (valid for promtool, with the
 * shipped rules), the Grafana dashboard asking only for metrics the application exports (a renamed metric or a
 * typo would leave a panel silently empty), and the provisioning and Alertmanager files agreeing with each other.
 */
class MonitoringFilesIT {

    private static final Path DASHBOARD = Path.of("server-config/grafana/dashboards/issuetracker.json");

    /** What a Prometheus export adds to a MicroProfile metric's name (counters, timers in seconds, byte gauges). */
    private static final Set<String> SUFFIXES =
            Set.of("", "_total", "_seconds", "_seconds_bucket", "_seconds_sum", "_seconds_count", "_bytes");

    /** Words of PromQL itself, not metric names. */
    private static final Set<String> PROMQL = Set.of(
            "sum",
            "by",
            "rate",
            "max",
            "without",
            "histogram_quantile",
            "le",
            "job",
            "interface",
            "status",
            "cache",
            "command",
            "instance",
            "dependency",
            "service",
            "kind",
            "and",
            "or");

    @Test
    void prometheusInTheComposeShapesIsValidWithTheShippedRules() {
        Promtool.Result result =
                Promtool.run(Path.of("server-config", "prometheus"), "check", "config", "prometheus-compose.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("1 rule files found");
    }

    @Test
    void theDashboardAsksOnlyForMetricsTheApplicationExports() throws IOException {
        Set<String> exported = exportedMetricNames();
        List<String> asked = metricsIn(Files.readString(DASHBOARD));

        assertThat(exported).contains("cache_hits", "http_server_requests", "mongodb_command", "redis_command");
        assertThat(asked)
                .contains(
                        "cache_hits_total",
                        "cache_misses_total",
                        "mongodb_command_seconds_bucket",
                        "redis_command_seconds_bucket",
                        "http_server_requests_seconds_bucket",
                        "http_server_requests_seconds_count");
        assertThat(asked).allSatisfy(metric -> assertThat(exported.stream()
                        .anyMatch(
                                name -> metric.startsWith(name) && SUFFIXES.contains(metric.substring(name.length()))))
                .as(metric + " is one of the application's metrics " + exported)
                .isTrue());
    }

    @Test
    @SuppressWarnings("unchecked")
    void grafanaIsProvisionedWithTheDataSourceTheDashboardNames() throws IOException {
        Map<String, Object> datasources = new Yaml()
                .load(Files.readString(Path.of("server-config/grafana/provisioning/datasources/prometheus.yml")));
        Map<String, Object> source = ((List<Map<String, Object>>) datasources.get("datasources")).get(0);
        Set<String> uids = Pattern.compile("\"uid\": \"([^\"]+)\"")
                .matcher(Files.readString(DASHBOARD))
                .results()
                .map(match -> match.group(1))
                .collect(Collectors.toSet());

        assertThat(source).containsEntry("url", "http://prometheus:9090").containsEntry("type", "prometheus");
        assertThat(uids).containsExactlyInAnyOrder("issuetracker", String.valueOf(source.get("uid")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void alertmanagerRoutesEveryAlertToTheDocumentedWebhook() throws IOException {
        Map<String, Object> config =
                new Yaml().load(Files.readString(Path.of("server-config/alertmanager/alertmanager.yml")));
        String receiver = String.valueOf(((Map<String, Object>) config.get("route")).get("receiver"));
        List<Map<String, Object>> receivers = (List<Map<String, Object>>) config.get("receivers");

        assertThat(receivers).extracting(r -> r.get("name")).contains(receiver);
        assertThat(String.valueOf(receivers.get(0).get("webhook_configs"))).contains("http://alert-webhook.invalid/");
    }

    /** The metric names the application registers: every dotted literal of src/main/java, dots as underscores. */
    private static Set<String> exportedMetricNames() throws IOException {
        Pattern literal = Pattern.compile("(?:withName\\(|counter\\(|gauge\\()\\s*\"([a-z]+(?:\\.[a-z]+)+)\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            List<Path> files =
                    sources.filter(path -> path.toString().endsWith(".java")).toList();
            Set<String> names = new java.util.TreeSet<>();
            for (Path file : files) {
                Matcher matcher = literal.matcher(Files.readString(file));
                while (matcher.find()) {
                    names.add(matcher.group(1).replace('.', '_'));
                }
            }
            return names;
        }
    }

    /** The identifiers of the dashboard's queries that name series: before a { or a [ (a selector or a range). */
    private static List<String> metricsIn(String dashboard) {
        List<String> metrics = new ArrayList<>();
        Matcher expressions =
                Pattern.compile("\"expr\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(dashboard);
        while (expressions.find()) {
            Matcher names = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\s*[{\\[]").matcher(expressions.group(1));
            while (names.find()) {
                if (!PROMQL.contains(names.group(1))) {
                    metrics.add(names.group(1));
                }
            }
        }
        return metrics;
    }
}
