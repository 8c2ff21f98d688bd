package org.issuetracker.infrastructure.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.issuetracker.application.caching.CacheRegion;
import org.issuetracker.infrastructure.mongo.MongoSchema;
import org.issuetracker.support.ArquillianIT;
import org.issuetracker.support.Http;
import org.issuetracker.support.PrometheusText;
import org.issuetracker.support.Promtool;
import org.issuetracker.support.TestServices;
import org.issuetracker.support.Tracker;
import org.issuetracker.support.WebForms;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What operators see: {@code /metrics} as Prometheus parses it, the figures moving with the traffic that makes them,
 * the alert rules' metrics really exported, and the operations report (JSON and page) for admins only. The MongoDB
 * outage comes last: it leaves a server error behind for the report to show.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringIT extends ArquillianIT {

    /** The application's metric families (the rest of /metrics is Payara's own). */
    private static final Pattern OURS =
            Pattern.compile("^(http_server_requests|service_|cache_|redis_|mongodb_|dependency_|cluster_).*");

    @Test
    @Order(1)
    void promtoolParsesTheScrapeAndHasNothingToSayAboutOurMetrics() {
        new Tracker(http).anonymous().get("api/issues"); // so that the request timers exist

        Promtool.Result result =
                Promtool.runWithInput(Path.of("."), http.get("/metrics").body(), "check", "metrics");

        // 0 clean, 3 lint warnings, 1 not parseable
        assertThat(result.exitCode()).as(result.output()).isIn(0, 3);
        List<String> aboutOurs = result.output()
                .lines()
                .filter(line -> OURS.matcher(line).matches())
                // Payara's exporter writes a _mean gauge beside each timer, without HELP: not ours to fix
                .filter(line -> !line.matches("^\\w+_seconds_mean no help text$"))
                .toList();
        assertThat(aboutOurs)
                .as("promtool's warnings about the application's metrics")
                .isEmpty();
    }

    @Test
    @Order(2)
    void httpRequestsAreCountedPerEndpointOrViewAndStatusClass() {
        Tracker tracker = new Tracker(http);
        String id = tracker.filePublic(tracker.newUser("metrics").http(), "Counted requests")
                .getString("id");
        Map<String, String> issueOk =
                Map.of("interface", "api", "method", "GET", "endpoint", "/api/issues/{id}", "status", "2xx");
        Map<String, String> issueMissing = Map.of("interface", "api", "endpoint", "/api/issues/{id}", "status", "4xx");
        Map<String, String> view = Map.of("interface", "web", "endpoint", "/index.xhtml", "status", "2xx");
        Map<String, String> noView = Map.of("interface", "web", "endpoint", "(not found)", "status", "4xx");
        Map<String, String> wrongPassword =
                Map.of("interface", "api", "endpoint", "(authentication failed)", "status", "4xx");
        PrometheusText before = metrics();

        for (int i = 0; i < 3; i++) {
            assertThat(http.get("api/issues/" + id).statusCode()).isEqualTo(200);
        }
        assertThat(http.get("api/issues/6560f1e2a1b2c3d4e5f60718").statusCode()).isEqualTo(404);
        assertThat(http.get("index.xhtml").statusCode()).isEqualTo(200);
        assertThat(http.get("no-such-page-" + System.nanoTime() + ".xhtml").statusCode())
                .isEqualTo(404);
        // refused by the authentication mechanism, before any filter
        assertThat(http.as("admin", "wrong-password").get("api/me").statusCode())
                .isEqualTo(401);
        PrometheusText after = metrics();

        String count = "http_server_requests_seconds_count";
        assertThat(after.value(count, wrongPassword) - before.sum(count, wrongPassword))
                .isEqualTo(1);
        assertThat(after.value(count, issueOk) - before.sum(count, issueOk)).isEqualTo(3);
        assertThat(after.value(count, issueMissing) - before.sum(count, issueMissing))
                .isEqualTo(1);
        assertThat(after.value(count, view) - before.sum(count, view)).isEqualTo(1);
        assertThat(after.value(count, noView) - before.sum(count, noView)).isEqualTo(1);
        // a histogram in seconds: every request in the +Inf bucket, and the sum a plausible number of seconds
        assertThat(after.value("http_server_requests_seconds_bucket", bucket(issueOk, "+Inf")))
                .isEqualTo(after.value(count, issueOk));
        // the bounds are seconds: a read takes milliseconds, so all three fall under 1.0
        assertThat(after.value("http_server_requests_seconds_bucket", bucket(issueOk, "1.0"))
                        - before.sum("http_server_requests_seconds_bucket", bucket(issueOk, "1.0")))
                .isEqualTo(3);
        assertThat(after.value("http_server_requests_seconds_bucket", bucket(issueOk, "0.005")))
                .isLessThanOrEqualTo(after.value("http_server_requests_seconds_bucket", bucket(issueOk, "1.0")));
        double seconds = after.value("http_server_requests_seconds_sum", issueOk)
                - before.sum("http_server_requests_seconds_sum", issueOk);
        assertThat(seconds / 3).as("mean seconds per request").isBetween(0.0001, 5.0);
    }

    private static Map<String, String> bucket(Map<String, String> labels, String le) {
        Map<String, String> withBound = new java.util.HashMap<>(labels);
        withBound.put("le", le);
        return withBound;
    }

    @Test
    @Order(3)
    void serviceCallsAndTheirFailuresByExceptionType() {
        Map<String, String> calls = Map.of("service", "IssueService");
        Map<String, String> notFound =
                Map.of("service", "IssueService", "exception", "IssueNotFoundException", "kind", "client");
        PrometheusText before = metrics();

        assertThat(http.get("api/issues/6560f1e2a1b2c3d4e5f60719").statusCode()).isEqualTo(404);
        assertThat(http.get("api/issues").statusCode()).isEqualTo(200);
        PrometheusText after = metrics();

        assertThat(after.value("service_calls_seconds_count", calls) - before.sum("service_calls_seconds_count", calls))
                .isGreaterThanOrEqualTo(2);
        assertThat(after.value("service_failures_total", notFound) - before.sum("service_failures_total", notFound))
                .isEqualTo(1);
    }

    @Test
    @Order(4)
    void mongoRedisAndDependencyMetricsMove() {
        Map<String, String> find = Map.of("command", "find", "collection", "issues", "outcome", "success");
        PrometheusText before = metrics();

        // an uncached query: a new search term each time
        assertThat(http.get("api/issues?q=metrics" + System.nanoTime()).statusCode())
                .isEqualTo(200);
        PrometheusText after = metrics();

        assertThat(after.value("mongodb_command_seconds_count", find))
                .isGreaterThan(before.sum("mongodb_command_seconds_count", find));
        assertThat(after.value("redis_command_seconds_count", Map.of()))
                .isGreaterThan(before.sum("redis_command_seconds_count", Map.of()));
        assertThat(after.value("mongodb_pool_size", Map.of())).isGreaterThanOrEqualTo(1);
        assertThat(after.value("mongodb_pool_max", Map.of())).isEqualTo(100); // the driver's default
        // between requests nobody waits for a connection, and no more are in use than are open
        assertThat(after.value("mongodb_pool_waitqueue", Map.of())).isZero();
        assertThat(after.value("mongodb_pool_checkedout", Map.of()))
                .isBetween(0.0, after.value("mongodb_pool_size", Map.of()));
        // the background probe (every health.monitor.interval, 15 s) ran at start; that first probe can race the
        // clients' connections while the server is still busy starting, so up to one more probe is waited for
        await("both dependencies probed up", Duration.ofSeconds(20), () -> {
            PrometheusText now = metrics();
            return now.value("dependency_up", Map.of("dependency", "mongodb")) == 1
                    && now.value("dependency_up", Map.of("dependency", "redis")) == 1;
        });
        assertThat(after.value("dependency_latency_seconds", Map.of("dependency", "redis")))
                .isBetween(0.0, 3.0);
        assertThat(after.value("redis_memory_used_bytes", Map.of())).isGreaterThan(0);
        assertThat(after.value("redis_memory_max_bytes", Map.of())).isGreaterThanOrEqualTo(0);
        assertThat(after.value("redis_evicted_keys", Map.of())).isGreaterThanOrEqualTo(0);
        assertThat(after.has("cache_hit_ratio")).isTrue();
    }

    @Test
    @Order(5)
    void everyMetricTheAlertRulesUseIsExported() throws IOException {
        http.get("api/issues/6560f1e2a1b2c3d4e5f60720"); // a service failure, so that its counter exists
        String rules = Files.readString(Path.of("server-config", "prometheus", "alerts.yml"));
        Matcher metric = Pattern.compile("\\b([a-z_]+)\\{job=\"issuetracker\"").matcher(rules);
        Set<String> used = new TreeSet<>();
        while (metric.find()) {
            used.add(metric.group(1));
        }
        used.remove("up"); // Prometheus' own
        if (onLiberty()) {
            // OpenLiberty keeps the sessions in Redis and replicates nothing itself: no cluster to count, and the
            // alert on it never fires there (as its comment in alerts.yml says)
            used.remove("cluster_members");
        }
        assertThat(used).contains("dependency_up", "cache_hits_total", "http_server_requests_seconds_bucket");

        PrometheusText scrape = metrics();
        assertThat(used.stream().filter(name -> !scrape.has(name)).toList())
                .as("metrics the alert rules use but /metrics does not export")
                .isEmpty();
    }

    @Test
    @Order(6)
    void theOperationsReportIsForAdminsOnly() {
        Tracker tracker = new Tracker(http);
        assertThat(http.get("api/admin/operations").statusCode()).isEqualTo(401);
        HttpResponse<String> denied = tracker.newUser("operator").http().get("api/admin/operations");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> response = tracker.admin().get("api/admin/operations");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        JsonObject report = Http.json(response);
        assertThat(report.getString("status")).isEqualTo("UP");
        assertThat(report.getJsonArray("dependencies").getValuesAs(JsonObject.class))
                .extracting(d -> d.getString("name") + " " + d.getString("state") + " " + d.getBoolean("required"))
                .containsExactly("mongodb UP true", "redis UP false");
        JsonObject cache = report.getJsonObject("cache");
        assertThat(cache.getJsonArray("regions")).hasSize(CacheRegion.values().length);
        assertThat(cache.getJsonArray("regions").getJsonObject(0).getString("verdict"))
                .isNotBlank();
        assertThat(cache.getJsonObject("redis").getJsonNumber("usedMemoryBytes").longValue())
                .isPositive();
        // every index the application needs is either there or reported missing; _id always there
        for (JsonObject collection : report.getJsonArray("indexes").getValuesAs(JsonObject.class)) {
            String name = collection.getString("collection");
            List<String> present = collection.getJsonArray("present").getValuesAs(JsonObject.class).stream()
                    .map(index -> index.getString("name"))
                    .toList();
            List<String> accounted = new ArrayList<>(present);
            collection.getJsonArray("missing").getValuesAs(jakarta.json.JsonString.class).stream()
                    .map(jakarta.json.JsonString::getString)
                    .forEach(accounted::add);
            assertThat(present).as(name).contains("_id_");
            assertThat(collection.getJsonArray("different")).as(name).isEmpty();
            assertThat(accounted)
                    .as(name)
                    .containsAll(MongoSchema.expected().get(name).stream()
                            .map(MongoSchema.Index::name)
                            .toList());
        }
        assertThat(report.getJsonArray("indexes").getValuesAs(JsonObject.class).stream()
                        .map(c -> c.getString("collection"))
                        .collect(Collectors.toSet()))
                .isEqualTo(MongoSchema.expected().keySet());
        JsonObject traffic = report.getJsonObject("traffic");
        assertThat(traffic.getJsonNumber("requestsSinceStart").longValue()).isPositive();
        assertThat(traffic.getJsonNumber("clientErrors").longValue()).isPositive(); // the 404s above
        assertThat(report.getJsonArray("recentErrors")).isEmpty(); // no server error in this run yet
        assertThat(report.getString("instance")).contains("pid");
    }

    @Test
    @Order(7)
    void theOperationsPageShowsTheSameToAdmins() {
        Tracker tracker = new Tracker(http);
        WebForms asAdmin = new WebForms(tracker.admin());

        Document page = asAdmin.page("admin/operations.xhtml");

        assertThat(page.select("#overall").text()).isEqualTo("UP");
        assertThat(page.select("#dependency-mongodb").text()).contains("mongodb", "UP", "ms", "required");
        assertThat(page.select("#dependency-redis").text()).contains("redis", "UP", "optional");
        assertThat(page.select("#cacheRegions tbody tr")).hasSize(CacheRegion.values().length);
        assertThat(page.select("#region-issues").text()).contains("PT30M");
        assertThat(page.select("#redisPolicy").text()).isNotBlank();
        assertThat(page.select("#indexes tbody tr").size())
                .isGreaterThanOrEqualTo(MongoSchema.expected().size());
        assertThat(page.select("#trafficRequests").text()).isNotBlank();
        assertThat(page.select("#signInFailures").text()).matches("\\d+");
        assertThat(page.select("#signInWaiting").text()).matches("\\d+ accounts, \\d+ client addresses");
        assertThat(page.select("#signInCounts").text()).isEqualTo("in Redis, for all instances");
        assertThat(page.select("#noErrors").text()).isEqualTo("No server errors since this instance started.");
        assertThat(page.select("#generatedAt").text()).contains("pid");
        assertThat(page.select("#asJson").attr("href")).endsWith("/api/admin/operations");

        WebForms asUser = new WebForms(tracker.newUser("viewer").http());
        HttpResponse<String> denied = asUser.http().get("admin/operations.xhtml");
        assertThat(denied.statusCode()).isEqualTo(403);
        WebForms.assertNoStackTrace(denied.body());
        assertThat(http.get("admin/operations.xhtml").statusCode()).isIn(302, 303);
    }

    @Test
    @Order(8)
    void aServerErrorDuringAMongoOutageIsCountedAndShownWithItsCause() {
        Map<String, String> server = Map.of("service", "IssueService", "kind", "server");
        PrometheusText before = metrics();
        TestServices.mongo().stop();
        HttpResponse<String> failed;
        try {
            failed = http.get("api/issues?q=outage" + System.nanoTime()); // not cached: MongoDB must answer
        } finally {
            TestServices.mongo().start();
        }
        assertThat(failed.statusCode()).isEqualTo(503);
        await(
                "MongoDB ready again",
                Duration.ofSeconds(30),
                () -> http.get("/health/ready").statusCode() == 200);

        PrometheusText after = metrics();
        assertThat(after.sum("service_failures_total", server) - before.sum("service_failures_total", server))
                .isEqualTo(1);
        Map<String, String> unavailable = Map.of("interface", "api", "endpoint", "/api/issues", "status", "5xx");
        assertThat(after.sum("http_server_requests_seconds_count", unavailable)
                        - before.sum("http_server_requests_seconds_count", unavailable))
                .isEqualTo(1);
        JsonObject report = Http.json(new Tracker(http).admin().get("api/admin/operations"));
        JsonObject latest = report.getJsonArray("recentErrors").getJsonObject(0);
        assertThat(latest.getString("method")).isEqualTo("GET");
        assertThat(latest.getString("endpoint")).isEqualTo("/api/issues");
        assertThat(latest.getInt("status")).isEqualTo(503);
        assertThat(latest.getString("exception")).startsWith("com.mongodb.");
        assertThat(report.getJsonObject("traffic")
                        .getJsonNumber("serverErrorsSinceStart")
                        .longValue())
                .isPositive();
    }
}
