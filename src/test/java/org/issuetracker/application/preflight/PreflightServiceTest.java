package org.issuetracker.application.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.issuetracker.application.backup.BackupRecord;
import org.issuetracker.application.backup.BackupRecords;
import org.issuetracker.application.caching.CacheRegion;
import org.issuetracker.application.caching.CacheSettings;
import org.issuetracker.application.caching.TestCacheSettings;
import org.issuetracker.application.operations.ClusterMembership;
import org.issuetracker.application.operations.IndexCatalog;
import org.issuetracker.domain.shared.AccessDeniedException;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.infrastructure.config.MapConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each of the twelve items, passing in a deployment set up as the guide says, then failing (or warning) on the one
 * thing that breaks it, with the evidence and the fix it names.
 */
class PreflightServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Actor ADMIN = new Actor("admin", Set.of(Actor.ROLE_ADMIN, Actor.ROLE_USER));

    /** A production-grade deployment, as every item of the checklist wants it; each test breaks one thing. */
    private final class Deployment {
        RedisFacts redis = new RedisFacts(
                true,
                Optional.of(true),
                Optional.of("3600 1 300 100 60 1000"),
                "CONFIG GET",
                Optional.of("10.0.0.5"),
                Optional.of("yes"),
                List.of("10.0.0.5"),
                true,
                Map.of("10.0.0.5:6379", "refused"));
        MongoFacts mongo = new MongoFacts(List.of("127.0.0.1", "10.0.0.6"), true, true);
        Map<String, List<HealthProbes.ProbeState>> probes = new LinkedHashMap<>(Map.of(
                "started", List.of(new HealthProbes.ProbeState("mongodb", true)),
                "ready", List.of(new HealthProbes.ProbeState("mongodb", true)),
                "live", List.of(new HealthProbes.ProbeState("process", true))));
        List<BackupRecord> records = new ArrayList<>(List.of(
                record(BackupRecord.Kind.BACKUP, NOW.minus(Duration.ofHours(3))),
                record(BackupRecord.Kind.DRILL, NOW.minus(Duration.ofDays(6)))));
        List<IndexCatalog.CollectionIndexes> indexes = List.of(new IndexCatalog.CollectionIndexes(
                "issues",
                List.of(new IndexCatalog.Index("issues_status", "{\"status\": 1}", false)),
                List.of(),
                List.of()));
        Map<String, String> config = new HashMap<>(Map.of(
                "otel.sdk.disabled", "false",
                "otel.exporter.otlp.endpoint", "http://collector:4317",
                "operations.runbook-url", "https://wiki.example/tracker-runbook"));
        Map<String, String> cache = guideTtls();
        int members = 2;
        boolean redisAnswers = true;
        boolean mongoAnswers = true;
        Instant lastScrape = NOW.minusSeconds(20);
        Instant lastHttps = NOW.minusSeconds(5);
        Instant lastForwarded = NOW.minusSeconds(5);

        PreflightReport evaluate() {
            PreflightService service = new PreflightService();
            service.clock = Clock.fixed(NOW, ZoneOffset.UTC);
            service.redisFacts = () -> {
                if (!redisAnswers) {
                    throw new IllegalStateException("Redis is gone");
                }
                return redis;
            };
            service.mongoFacts = () -> mongo;
            service.health = () -> probes;
            service.backups = new BackupRecords() {
                @Override
                public void add(BackupRecord record) {
                    records.add(record);
                }

                @Override
                public Optional<BackupRecord> latest(BackupRecord.Kind kind) {
                    if (!mongoAnswers) {
                        throw new IllegalStateException("MongoDB is gone");
                    }
                    return records.stream()
                            .filter(r -> r.kind() == kind && r.succeeded())
                            .max(java.util.Comparator.comparing(BackupRecord::at));
                }

                @Override
                public List<BackupRecord> recent(int limit) {
                    return records;
                }
            };
            service.indexes = () -> {
                if (!mongoAnswers) {
                    throw new IllegalStateException("MongoDB is gone");
                }
                return indexes;
            };
            service.cache = new CacheSettings(new MapConfig(cache));
            service.config = new MapConfig(config);
            List<ClusterMembership.Member> cluster = java.util.stream.IntStream.range(0, members)
                    .mapToObj(i -> new ClusterMembership.Member("app-" + i, null, i == 0))
                    .toList();
            service.cluster =
                    () -> new ClusterMembership.ClusterStatus("hazelcast", "issuetracker", cluster, null, null, null);
            EdgeObservations edge = new EdgeObservations();
            edge.clock = Clock.fixed(NOW, ZoneOffset.UTC);
            if (lastHttps != null) {
                edge.clock = Clock.fixed(lastHttps, ZoneOffset.UTC);
                edge.request(false, "https", null);
            }
            if (lastForwarded != null) {
                edge.clock = Clock.fixed(lastForwarded, ZoneOffset.UTC);
                edge.request(false, null, "192.0.2.10");
            }
            if (lastScrape != null) {
                edge.clock = Clock.fixed(lastScrape, ZoneOffset.UTC);
                edge.scraped();
            }
            service.edge = edge;
            return service.evaluate(ADMIN);
        }

        Check check(String id) {
            return evaluate().checks().stream()
                    .filter(check -> check.id().equals(id))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private Deployment deployment;

    @BeforeEach
    void productionGrade() {
        deployment = new Deployment();
    }

    @Test
    void aDeploymentAsTheGuideSaysPassesAllTwelveItems() {
        PreflightReport report = deployment.evaluate();

        assertThat(report.checks())
                .extracting(Check::id)
                .containsExactly(
                        "redis-persistence",
                        "mongodb-backups",
                        "health-checks",
                        "telemetry",
                        "cache-ttls",
                        "indexes",
                        "network-exposure",
                        "authentication",
                        "tls",
                        "monitoring",
                        "disaster-recovery",
                        "load-balancer");
        assertThat(report.checks()).allSatisfy(check -> {
            assertThat(check.verdict()).as(check.id() + ": " + check.evidence()).isEqualTo(Verdict.PASS);
            assertThat(check.fix()).isNull();
        });
        assertThat(report.overall()).isEqualTo(Verdict.PASS);
    }

    @Test
    void onlyAdminsSeeTheChecklist() {
        PreflightService service = new PreflightService();
        assertThatThrownBy(() -> service.evaluate(new Actor("someone", Set.of(Actor.ROLE_USER))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void redisWithoutPersistenceFails() {
        deployment.redis = redis(r -> new RedisFacts(
                true,
                Optional.of(false),
                Optional.of(""),
                "CONFIG GET",
                r.bind(),
                r.protectedMode(),
                r.hosts(),
                r.tls(),
                r.anonymousPing()));
        assertFails("redis-persistence", "appendonly no, save ''", "appendonly yes");
        assertThat(deployment.evaluate().overall()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void redisThatDoesNotAnswerIsAWarningNotAPass() {
        deployment.redisAnswers = false;
        assertThat(deployment.check("redis-persistence").verdict()).isEqualTo(Verdict.WARN);
        assertThat(deployment.check("authentication").verdict()).isEqualTo(Verdict.WARN);
    }

    @Test
    void noBackupOrAStaleOneFailsAndNoRecentDrillWarns() {
        deployment.records.clear();
        assertFails("mongodb-backups", "no backup recorded", "POST /api/admin/backups");

        deployment.records.add(record(BackupRecord.Kind.BACKUP, NOW.minus(Duration.ofHours(27))));
        assertFails("mongodb-backups", "27 h 0 min ago", "older than 26 h");

        deployment.records.add(record(BackupRecord.Kind.BACKUP, NOW.minus(Duration.ofHours(1))));
        Check noDrill = deployment.check("mongodb-backups");
        assertThat(noDrill.verdict()).isEqualTo(Verdict.WARN);
        assertThat(noDrill.evidence()).contains("no restore drill recorded");
    }

    @Test
    void aProbeWithoutChecksFailsAndADownCheckWarns() {
        deployment.probes.put("live", List.of());
        assertFails("health-checks", "live: ", "No check registered for live");

        deployment.probes.put("live", List.of(new HealthProbes.ProbeState("process", false)));
        assertThat(deployment.check("health-checks").verdict()).isEqualTo(Verdict.WARN);
    }

    @Test
    void telemetryOffOrWithoutAnExporterFails() {
        deployment.config.remove("otel.sdk.disabled");
        assertFails("telemetry", "otel.sdk.disabled true (or not set)", "OTEL_SDK_DISABLED=false");

        deployment.config.put("otel.sdk.disabled", "false");
        deployment.config.remove("otel.exporter.otlp.endpoint");
        assertFails("telemetry", "otel.exporter.otlp.endpoint not set", "OTEL_EXPORTER_OTLP_ENDPOINT");
    }

    @Test
    void theDevProfileFailsAndATtlShorterThanTheGuidesWarns() {
        deployment.config.put("mp.config.profile", "dev");
        assertFails("cache-ttls", "mp.config.profile is dev", "Remove the dev profile");

        deployment.config.remove("mp.config.profile");
        deployment.cache.put(CacheRegion.REPORTS.ttlProperty(), "PT10M");
        Check shorter = deployment.check("cache-ttls");
        assertThat(shorter.verdict()).isEqualTo(Verdict.WARN);
        assertThat(shorter.fix()).contains("reports (guide: PT1H)");
    }

    @Test
    void aMissingIndexFails() {
        deployment.indexes =
                List.of(new IndexCatalog.CollectionIndexes("issues", List.of(), List.of("issues_status"), List.of()));
        assertFails("indexes", "issues.issues_status missing", "Restart one instance");
    }

    @Test
    void aPublicAddressForADataStoreFails() {
        deployment.mongo = new MongoFacts(List.of("8.8.8.8"), true, true);
        assertFails("network-exposure", "MongoDB 8.8.8.8 PUBLIC", "private network");
    }

    @Test
    void privateAddressesAreThoseOfLoopbackLanLinkLocalCgnatAndUniqueLocal() throws Exception {
        for (String address : List.of(
                "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.1.1", "100.64.0.1", "fd00::1", "::1")) {
            assertThat(PreflightService.isPrivate(java.net.InetAddress.getByName(address)))
                    .as(address)
                    .isTrue();
        }
        for (String address : List.of("8.8.8.8", "100.128.0.1", "2001:4860::8888", "172.32.0.1")) {
            assertThat(PreflightService.isPrivate(java.net.InetAddress.getByName(address)))
                    .as(address)
                    .isFalse();
        }
    }

    @Test
    void mongoWithoutCredentialsOrRedisAnsweringAnyoneFails() {
        deployment.mongo = new MongoFacts(List.of("10.0.0.6"), false, true);
        assertFails("authentication", "MongoDB without credentials", "mongodb.username");

        deployment.mongo = new MongoFacts(List.of("10.0.0.6"), true, true);
        deployment.redis = redis(r -> new RedisFacts(
                true,
                r.appendOnly(),
                r.save(),
                r.source(),
                r.bind(),
                r.protectedMode(),
                r.hosts(),
                r.tls(),
                Map.of("10.0.0.5:6379", "answered")));
        assertFails("authentication", "10.0.0.5:6379 answered", "requirepass");
    }

    @Test
    void anyPlainConnectionOrNoHttpsFails() {
        deployment.mongo = new MongoFacts(List.of("10.0.0.6"), true, false);
        assertFails("tls", "MongoDB plain", "tls=true");

        deployment.mongo = new MongoFacts(List.of("10.0.0.6"), true, true);
        deployment.redis = redis(r -> new RedisFacts(
                true,
                r.appendOnly(),
                r.save(),
                r.source(),
                r.bind(),
                r.protectedMode(),
                r.hosts(),
                false,
                r.anonymousPing()));
        assertFails("tls", "plain redis://", "rediss://");

        deployment.redis = new Deployment().redis;
        deployment.lastHttps = null;
        assertFails("tls", "no HTTPS request in 24 h", "serve HTTPS");
    }

    @Test
    void metricsNotScrapedForFiveMinutesFails() {
        deployment.lastScrape = NOW.minus(Duration.ofMinutes(6));
        assertFails("monitoring", "/metrics last scraped at", "Point Prometheus");
        deployment.lastScrape = null;
        assertFails("monitoring", "not scraped since start", "Point Prometheus");
    }

    @Test
    void noRunbookWarns() {
        deployment.config.remove("operations.runbook-url");
        Check check = deployment.check("disaster-recovery");
        assertThat(check.verdict()).isEqualTo(Verdict.WARN);
        assertThat(check.fix()).contains("operations.runbook-url");
    }

    @Test
    void aSingleInstanceNobodyProxiesWarns() {
        deployment.members = 1;
        deployment.lastForwarded = null;
        Check check = deployment.check("load-balancer");
        assertThat(check.verdict()).isEqualTo(Verdict.WARN);
        assertThat(check.evidence()).contains("cluster of 1; no proxied request in 24 h");

        deployment.lastForwarded = NOW.minusSeconds(60);
        assertThat(deployment.check("load-balancer").verdict()).isEqualTo(Verdict.PASS);
    }

    private void assertFails(String id, String evidence, String fix) {
        Check check = deployment.check(id);
        assertThat(check.verdict()).as(check.toString()).isEqualTo(Verdict.FAIL);
        assertThat(check.evidence()).contains(evidence);
        assertThat(check.fix()).contains(fix);
    }

    private RedisFacts redis(java.util.function.UnaryOperator<RedisFacts> change) {
        return change.apply(deployment.redis);
    }

    private static BackupRecord record(BackupRecord.Kind kind, Instant at) {
        return new BackupRecord(kind, at, "admin", 1234, "ab", 10, true, "");
    }

    private static Map<String, String> guideTtls() {
        Map<String, String> values = TestCacheSettings.values("PT30M", "PT30S");
        values.put(CacheRegion.REFERENCE.ttlProperty(), "PT60M");
        values.put(CacheRegion.REPORTS.ttlProperty(), "PT60M");
        values.put(CacheRegion.SESSIONS.ttlProperty(), "PT24H");
        return values;
    }
}
