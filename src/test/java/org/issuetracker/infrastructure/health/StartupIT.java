package org.issuetracker.infrastructure.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.issuetracker.support.HealthProbes.check;
import static org.issuetracker.support.HealthProbes.probe;

import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Span;
import jakarta.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.issuetracker.dev.EmbeddedMongo;
import org.issuetracker.dev.EmbeddedRedis;
import org.issuetracker.support.Await;
import org.issuetracker.support.Http;
import org.issuetracker.support.RedisServers;
import org.issuetracker.support.SecondInstance;
import org.junit.jupiter.api.Test;

/**
 * An instance started before its dependencies, as happens when a whole environment comes up at once: the startup
 * probe stays DOWN, naming each missing dependency and why, until both MongoDB and Redis have answered and the
 * indexes and initial data are in place; only then is it started and ready.
 *
 * <p>The same instance has OpenTelemetry on, exporting to an OTLP receiver of the test: a request's spans arrive there
 * as one trace, the service's span a child of the HTTP server span and the parent of the MongoDB and Redis spans.
 */
class StartupIT {

    @Test
    void startedOnlyOnceEveryDependencyAnsweredAndTracedThroughout() throws Exception {
        int mongoPort = RedisServers.freePort();
        int redisPort = RedisServers.freePort();
        List<byte[]> exported = new CopyOnWriteArrayList<>();
        HttpServer otlp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        otlp.createContext("/v1/traces", exchange -> {
            exported.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        otlp.start();
        EmbeddedRedis redis = new EmbeddedRedis(redisPort, Path.of("target", "startup-redis"));
        EmbeddedMongo mongo = EmbeddedMongo.inMemory(mongoPort);
        try (SecondInstance instance = SecondInstance.startWith(
                Map.of(
                        "mongodb.uri", "mongodb://127.0.0.1:" + mongoPort,
                        "redis.address", "redis://127.0.0.1:" + redisPort,
                        "otel.sdk.disabled", "false",
                        "otel.service.name", "issuetracker",
                        "otel.exporter.otlp.protocol", "http/protobuf",
                        "otel.exporter.otlp.endpoint",
                                "http://127.0.0.1:" + otlp.getAddress().getPort(),
                        "otel.bsp.schedule.delay", "200",
                        // no configured password: the first administrator's is generated and logged once
                        "bootstrap.admin.password", ""),
                "startup-instance")) {
            Http http = new Http(instance.url());

            // neither dependency is there: not started, not ready, but alive
            JsonObject started = probe(http, "started", 503);
            assertThat(check(started, "mongodb").getString("status")).isEqualTo("DOWN");
            assertThat(error(started, "mongodb")).startsWith("MongoDB has not answered yet");
            assertThat(check(started, "redis").getString("status")).isEqualTo("DOWN");
            assertThat(error(started, "redis")).startsWith("Redis has not answered yet");
            probe(http, "ready", 503);
            probe(http, "live", 200);

            redis.start();
            Await.until("Redis started", Duration.ofSeconds(30), () -> "UP"
                    .equals(check(probe(http, "started", 503), "redis").getString("status")));
            assertThat(check(probe(http, "started", 503), "mongodb").getString("status"))
                    .isEqualTo("DOWN");

            mongo.start();
            String[] last = {""};
            try {
                Await.until("started once MongoDB answered", Duration.ofSeconds(60), () -> {
                    HttpResponse<String> response = http.get("/health/started");
                    last[0] = response.body();
                    return response.statusCode() == 200;
                });
            } catch (AssertionError | IllegalStateException notStarted) {
                throw new AssertionError("/health/started said at last: " + last[0], notStarted);
            }
            probe(http, "ready", 200);
            // the indexes and the initial data exist now: the seeded categories are served
            HttpResponse<String> categories = http.get("api/categories");
            assertThat(categories.statusCode()).isEqualTo(200);
            assertThat(categories.body()).contains("Bug");

            assertThat(http.get("api/issues").statusCode()).isEqualTo(200);
            // one trace: HTTP server span → IssueService.search → the MongoDB command and the Redis call
            String[] why = {"nothing exported yet"};
            try {
                Await.until("the request's spans exported, nested", Duration.ofSeconds(30), () -> {
                    why[0] = nestingProblem(spans(exported));
                    return why[0] == null;
                });
            } catch (AssertionError | IllegalStateException notNested) {
                throw new AssertionError(
                        why[0] + "; spans: "
                                + spans(exported).stream().map(Span::getName).toList(),
                        notNested);
            }

            // whoever signs in with the logged password must choose their own before anything else
            java.util.regex.Matcher logged = java.util.regex.Pattern.compile("with the generated password (\\S+) ")
                    .matcher(java.nio.file.Files.readString(Path.of("target", "startup-instance.log")));
            assertThat(logged.find())
                    .as("the generated password is logged once")
                    .isTrue();
            Http firstAdmin = http.as("admin", logged.group(1));
            HttpResponse<String> held = firstAdmin.get("api/users");
            assertThat(held.statusCode()).as(held.body()).isEqualTo(403);
            assertThat(held.body()).contains("password-change-required");
            assertThat(firstAdmin
                            .put(
                                    "api/me/password",
                                    "{\"currentPassword\":\"" + logged.group(1)
                                            + "\",\"newPassword\":\"the-first-admins-own\"}")
                            .statusCode())
                    .isEqualTo(204);
            assertThat(http.as("admin", "the-first-admins-own").get("api/users").statusCode())
                    .isEqualTo(200);
        } finally {
            otlp.stop(0);
            redis.stop();
            mongo.stop();
        }
    }

    /** Every span of every OTLP request received so far. */
    private static List<Span> spans(List<byte[]> exported) {
        List<Span> spans = new ArrayList<>();
        for (byte[] body : exported) {
            try {
                ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
                request.getResourceSpansList().forEach(resource -> resource.getScopeSpansList()
                        .forEach(scope -> spans.addAll(scope.getSpansList())));
            } catch (InvalidProtocolBufferException e) {
                throw new AssertionError("Not an OTLP trace export", e);
            }
        }
        return spans;
    }

    /** Null when the service span is the HTTP span's child and has MongoDB and Redis children; else what is wrong. */
    private static String nestingProblem(List<Span> spans) {
        Span service = spans.stream()
                .filter(span -> span.getName().equals("IssueService.search"))
                .findFirst()
                .orElse(null);
        if (service == null) {
            return "no IssueService.search span";
        }
        boolean underHttp = spans.stream()
                .anyMatch(span -> span.getSpanId().equals(service.getParentSpanId())
                        && span.getKind() == Span.SpanKind.SPAN_KIND_SERVER
                        && span.getAttributesList().stream()
                                .anyMatch(a -> a.getKey().equals("http.route")));
        if (!underHttp) {
            return "IssueService.search is not the child of an HTTP server span";
        }
        for (String child : List.of("mongodb find issues", "redis issue-queries")) {
            boolean nested = spans.stream()
                    .anyMatch(span -> span.getName().equals(child)
                            && span.getTraceId().equals(service.getTraceId())
                            && span.getParentSpanId().equals(service.getSpanId())
                            && span.getKind() == Span.SpanKind.SPAN_KIND_CLIENT);
            if (!nested) {
                return "no " + child + " client span under IssueService.search";
            }
        }
        return null;
    }

    private static String error(JsonObject health, String name) {
        return check(health, name).getJsonObject("data").getString("error");
    }
}
