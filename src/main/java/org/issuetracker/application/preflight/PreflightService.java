package org.issuetracker.application.preflight;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.issuetracker.application.backup.BackupRecord;
import org.issuetracker.application.backup.BackupRecords;
import org.issuetracker.application.caching.CacheRegion;
import org.issuetracker.application.caching.CacheSettings;
import org.issuetracker.application.operations.ClusterMembership;
import org.issuetracker.application.operations.IndexCatalog;
import org.issuetracker.application.operations.InstanceName;
import org.issuetracker.domain.shared.Actor;

/**
 * The operations guide's pre-deployment checklist, each of its twelve items evaluated now against this instance's
 * configuration and what MongoDB, Redis and the instance's own traffic show. An item that cannot be judged here (a
 * dependency that does not answer) is a warning, never a pass.
 */
@ApplicationScoped
public class PreflightService {

    private static final Logger LOG = Logger.getLogger(PreflightService.class.getName());

    /** The newest backup may be this old: a daily backup, with two hours' slack. */
    static final Duration BACKUP_MAX_AGE = Duration.ofHours(26);
    /** A restore drill at least this recent (the schedule says monthly). */
    static final Duration DRILL_MAX_AGE = Duration.ofDays(31);
    /** Prometheus scrapes every 15 s; five minutes without a scrape means nobody is watching. */
    static final Duration SCRAPE_MAX_AGE = Duration.ofMinutes(5);
    /** Proxy headers or HTTPS within this long count as seen. */
    static final Duration SEEN_WITHIN = Duration.ofHours(24);

    /**
     * The guide's TTL tiers: entities and query results 30 min, reference data and reports 60 min, sessions 24 h; API
     * tokens 5 min (a revoke evicts its entry, the TTL only bounds what an unnoticed failure could leave).
     */
    static final Map<CacheRegion, Duration> GUIDE_TTLS = Map.of(
            CacheRegion.ISSUES, Duration.ofMinutes(30),
            CacheRegion.ISSUE_QUERIES, Duration.ofMinutes(30),
            CacheRegion.COMMENTS, Duration.ofMinutes(30),
            CacheRegion.USERS, Duration.ofMinutes(30),
            CacheRegion.REFERENCE, Duration.ofMinutes(60),
            CacheRegion.REPORTS, Duration.ofMinutes(60),
            CacheRegion.SESSIONS, Duration.ofHours(24),
            CacheRegion.TOKENS, Duration.ofMinutes(5));

    @Inject
    RedisFacts.Source redisFacts;

    @Inject
    MongoFacts.Source mongoFacts;

    @Inject
    HealthProbes health;

    @Inject
    EdgeObservations edge;

    @Inject
    BackupRecords backups;

    @Inject
    IndexCatalog indexes;

    @Inject
    CacheSettings cache;

    @Inject
    ClusterMembership cluster;

    @Inject
    Config config;

    Clock clock = Clock.systemUTC();

    public PreflightReport evaluate(Actor actor) {
        actor.requireAdmin("see the pre-deployment checklist");
        RedisFacts redis = attempt(redisFacts::ask);
        MongoFacts mongo = mongoFacts.ask();
        List<Check> checks = List.of(
                redisPersistence(redis),
                mongoBackups(),
                healthChecks(),
                telemetry(),
                cacheTtls(),
                indexes(),
                networkExposure(redis, mongo),
                authentication(redis, mongo),
                tls(redis, mongo),
                monitoring(),
                disasterRecovery(),
                loadBalancer());
        Verdict overall = checks.stream().map(Check::verdict).reduce(Verdict.PASS, Verdict::worst);
        return new PreflightReport(clock.instant(), InstanceName.local(), overall, checks);
    }

    private Check redisPersistence(RedisFacts redis) {
        String id = "redis-persistence";
        String title = "Redis persistence (RDB snapshots or AOF)";
        if (redis == null || !redis.enabled()) {
            return new Check(
                    id,
                    title,
                    Verdict.WARN,
                    redis == null ? "Redis did not answer" : "the cache is off",
                    "Judge it again when Redis answers");
        }
        if (redis.appendOnly().isEmpty() && redis.save().isEmpty()) {
            return new Check(
                    id,
                    title,
                    Verdict.WARN,
                    "Redis did not say (neither CONFIG GET nor INFO answered)",
                    "Check redis.conf: appendonly yes, or save 60 1000 (server-config/redis/)");
        }
        boolean aof = redis.appendOnly().orElse(false);
        String save = redis.save().orElse("");
        String evidence = "appendonly " + (aof ? "yes" : "no") + ", save '" + save + "' (" + redis.source() + ")";
        if (aof || !save.isBlank()) {
            return Check.pass(id, title, evidence);
        }
        return new Check(
                id,
                title,
                Verdict.FAIL,
                evidence,
                "Turn persistence on: appendonly yes (AOF, everysec) or save 60 1000 (RDB); see server-config/redis/");
    }

    private Check mongoBackups() {
        String id = "mongodb-backups";
        String title = "MongoDB backups (daily), with a restore drill";
        Instant now = clock.instant();
        Optional<BackupRecord> backup = attempt(() -> backups.latest(BackupRecord.Kind.BACKUP));
        Optional<BackupRecord> drill = attempt(() -> backups.latest(BackupRecord.Kind.DRILL));
        if (backup == null) {
            return new Check(id, title, Verdict.WARN, "MongoDB did not answer", "Judge it again when MongoDB answers");
        }
        if (backup.isEmpty()) {
            return new Check(
                    id,
                    title,
                    Verdict.FAIL,
                    "no backup recorded",
                    "Schedule POST /api/admin/backups daily (server-config/backup/) and run a restore drill");
        }
        Duration age = Duration.between(backup.get().at(), now);
        String evidence = "latest backup " + backup.get().at() + " (" + hours(age) + " ago, "
                + backup.get().bytes() + " bytes)"
                + drill.map(d -> "; latest restore drill " + d.at()).orElse("; no restore drill recorded");
        if (age.compareTo(BACKUP_MAX_AGE) > 0) {
            return new Check(
                    id,
                    title,
                    Verdict.FAIL,
                    evidence,
                    "The latest backup is older than 26 h: check the scheduled backup job");
        }
        if (drill.isEmpty() || Duration.between(drill.get().at(), now).compareTo(DRILL_MAX_AGE) > 0) {
            return new Check(
                    id,
                    title,
                    Verdict.WARN,
                    evidence,
                    "Run a restore drill (POST /api/admin/backups/drills with a backup) at least monthly");
        }
        return Check.pass(id, title, evidence);
    }

    private Check healthChecks() {
        String id = "health-checks";
        String title = "Health checks: startup, readiness and liveness";
        Map<String, List<HealthProbes.ProbeState>> probes = health.probes();
        String evidence = probes.entrySet().stream()
                .map(probe -> probe.getKey() + ": "
                        + probe.getValue().stream()
                                .map(state -> state.name() + (state.up() ? " UP" : " DOWN"))
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        List<String> missing = List.of("started", "ready", "live").stream()
                .filter(probe -> probes.getOrDefault(probe, List.of()).isEmpty())
                .toList();
        if (!missing.isEmpty()) {
            return new Check(
                    id,
                    title,
                    Verdict.FAIL,
                    evidence.isEmpty() ? "no health check registered" : evidence,
                    "No check registered for " + String.join(", ", missing) + ": the deployment is incomplete");
        }
        boolean allUp = probes.values().stream().flatMap(List::stream).allMatch(HealthProbes.ProbeState::up);
        return allUp
                ? Check.pass(id, title, evidence)
                : new Check(id, title, Verdict.WARN, evidence, "A check is DOWN now: see the operations page");
    }

    private Check telemetry() {
        String id = "telemetry";
        String title = "OpenTelemetry exporter configured";
        boolean disabled = config.getOptionalValue("otel.sdk.disabled", String.class)
                .map(value -> !value.trim().equalsIgnoreCase("false"))
                .orElse(true);
        Optional<String> endpoint = config.getOptionalValue("otel.exporter.otlp.endpoint", String.class)
                .filter(value -> !value.isBlank());
        String evidence = "otel.sdk.disabled " + (disabled ? "true (or not set)" : "false")
                + ", otel.exporter.otlp.endpoint " + endpoint.orElse("not set");
        if (!disabled && endpoint.isPresent()) {
            return Check.pass(id, title, evidence);
        }
        return new Check(
                id,
                title,
                Verdict.FAIL,
                evidence,
                "Set OTEL_SDK_DISABLED=false and OTEL_EXPORTER_OTLP_ENDPOINT to the collector (server-config/otel/)");
    }

    private Check cacheTtls() {
        String id = "cache-ttls";
        String title = "Cache TTLs production-grade";
        List<String> profiles = config.getOptionalValue("mp.config.profile", String.class)
                .map(value -> List.of(value.split(",")))
                .orElse(List.of());
        if (profiles.stream().anyMatch(profile -> profile.trim().equals("dev"))) {
            return new Check(
                    id,
                    title,
                    Verdict.FAIL,
                    "mp.config.profile is dev (short TTLs, demo data)",
                    "Remove the dev profile (MP_CONFIG_PROFILE) in production");
        }
        if (!cache.enabled()) {
            return new Check(
                    id,
                    title,
                    Verdict.WARN,
                    "cache.enabled is false: every read goes to MongoDB",
                    "Set cache.enabled=true with a Redis, unless running without one is intended");
        }
        List<String> shorter = new ArrayList<>();
        StringBuilder evidence = new StringBuilder();
        for (CacheRegion region : CacheRegion.values()) {
            Duration ttl = cache.ttl(region);
            evidence.append(evidence.isEmpty() ? "" : ", ")
                    .append(region.regionName())
                    .append(' ')
                    .append(ttl);
            if (ttl.compareTo(GUIDE_TTLS.get(region)) < 0) {
                shorter.add(region.regionName() + " (guide: " + GUIDE_TTLS.get(region) + ")");
            }
        }
        if (shorter.isEmpty()) {
            return Check.pass(id, title, evidence.toString());
        }
        return new Check(
                id,
                title,
                Verdict.WARN,
                evidence.toString(),
                "Shorter than the guide's tier: " + String.join(", ", shorter)
                        + "; keep it only if the cache advisor on the operations page says so");
    }

    private Check indexes() {
        String id = "indexes";
        String title = "MongoDB indexes present";
        List<IndexCatalog.CollectionIndexes> catalog = attempt(indexes::indexes);
        if (catalog == null) {
            return new Check(id, title, Verdict.WARN, "MongoDB did not answer", "Judge it again when MongoDB answers");
        }
        List<String> wrong = catalog.stream()
                .flatMap(collection -> java.util.stream.Stream.concat(
                        collection.missing().stream().map(name -> collection.collection() + "." + name + " missing"),
                        collection.different().stream()
                                .map(name -> collection.collection() + "." + name + " with other keys")))
                .toList();
        long present = catalog.stream().mapToLong(c -> c.present().size()).sum();
        if (wrong.isEmpty()) {
            return Check.pass(id, title, present + " indexes in " + catalog.size() + " collections, none missing");
        }
        return new Check(
                id,
                title,
                Verdict.FAIL,
                String.join(", ", wrong),
                "Restart one instance (it creates missing indexes); drop an index with other keys first");
    }

    private Check networkExposure(RedisFacts redis, MongoFacts mongo) {
        String id = "network-exposure";
        String title = "MongoDB and Redis not reachable from the internet";
        Map<String, String> hosts = new LinkedHashMap<>();
        mongo.hosts().forEach(host -> hosts.put("MongoDB " + host, host));
        if (redis != null && redis.enabled()) {
            redis.hosts().forEach(host -> hosts.put("Redis " + host, host));
        }
        List<String> described = new ArrayList<>();
        List<String> publicHosts = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        hosts.forEach((name, host) -> {
            switch (reach(host)) {
                case PRIVATE -> described.add(name + " private");
                case PUBLIC -> {
                    described.add(name + " PUBLIC");
                    publicHosts.add(host);
                }
                case UNRESOLVED -> {
                    described.add(name + " unresolved");
                    unknown.add(host);
                }
            }
        });
        if (redis != null && redis.enabled()) {
            described.add("Redis bind " + redis.bind().orElse("unknown (CONFIG disabled)") + ", protected-mode "
                    + redis.protectedMode().orElse("unknown"));
        }
        String evidence = String.join("; ", described);
        if (!publicHosts.isEmpty()) {
            return new Check(
                    id,
                    title,
                    Verdict.FAIL,
                    evidence,
                    "Move " + String.join(", ", publicHosts)
                            + " to a private network, or firewall them to the application's hosts only");
        }
        if (!unknown.isEmpty()) {
            return new Check(id, title, Verdict.WARN, evidence, "Cannot resolve " + String.join(", ", unknown));
        }
        return Check.pass(id, title, evidence);
    }

    private Check authentication(RedisFacts redis, MongoFacts mongo) {
        String id = "authentication";
        String title = "Authentication on MongoDB and Redis";
        List<String> failures = new ArrayList<>();
        String evidence = "MongoDB " + (mongo.authenticates() ? "with credentials" : "without credentials");
        if (!mongo.authenticates()) {
            failures.add("MongoDB: give the application a user (mongodb.username/mongodb.password)");
        }
        if (redis == null) {
            evidence += "; Redis did not answer";
        } else if (!redis.enabled()) {
            evidence += "; Redis not used";
        } else {
            evidence += "; Redis PING without credentials: "
                    + redis.anonymousPing().entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", "));
            if (redis.anonymousPing().containsValue("answered")) {
                failures.add("Redis answers without a password: set requirepass or ACL users, and redis.password");
            }
        }
        if (!failures.isEmpty()) {
            return new Check(id, title, Verdict.FAIL, evidence, String.join("; ", failures));
        }
        if (redis == null || (redis.enabled() && !redis.anonymousPing().containsValue("refused"))) {
            return new Check(id, title, Verdict.WARN, evidence, "No Redis address could be asked: judge it again");
        }
        return Check.pass(id, title, evidence);
    }

    private Check tls(RedisFacts redis, MongoFacts mongo) {
        String id = "tls";
        String title = "TLS to MongoDB, Redis and users";
        Optional<Instant> https = edge.lastHttps().filter(this::recent);
        boolean redisPlain = redis != null && redis.enabled() && !redis.tls();
        String evidence = "MongoDB " + (mongo.tls() ? "TLS" : "plain") + "; Redis "
                + (redis == null || !redis.enabled() ? "not used" : redis.tls() ? "rediss://" : "plain redis://")
                + "; users: " + https.map(at -> "HTTPS seen at " + at).orElse("no HTTPS request in 24 h");
        List<String> fixes = new ArrayList<>();
        if (!mongo.tls()) {
            fixes.add("MongoDB: tls=true in mongodb.uri (or mongodb.tls.enabled) with a trust store");
        }
        if (redisPlain) {
            fixes.add("Redis: rediss:// addresses with redis.tls.truststore");
        }
        if (https.isEmpty()) {
            fixes.add("Users: serve HTTPS at the load balancer (X-Forwarded-Proto https) or the server");
        }
        return fixes.isEmpty()
                ? Check.pass(id, title, evidence)
                : new Check(id, title, Verdict.FAIL, evidence, String.join("; ", fixes));
    }

    private Check monitoring() {
        String id = "monitoring";
        String title = "Monitoring and alerting: metrics scraped";
        Optional<Instant> scraped = edge.lastScrape();
        if (scraped.isPresent()
                && Duration.between(scraped.get(), clock.instant()).compareTo(SCRAPE_MAX_AGE) <= 0) {
            return Check.pass(id, title, "/metrics last scraped at " + scraped.get());
        }
        return new Check(
                id,
                title,
                Verdict.FAIL,
                scraped.map(at -> "/metrics last scraped at " + at).orElse("/metrics not scraped since start"),
                "Point Prometheus at every instance's /metrics with the rules of server-config/prometheus/");
    }

    private Check disasterRecovery() {
        String id = "disaster-recovery";
        String title = "Disaster recovery documented";
        Optional<String> runbook =
                config.getOptionalValue("operations.runbook-url", String.class).filter(value -> !value.isBlank());
        return runbook.map(url -> Check.pass(id, title, "runbook at " + url))
                .orElseGet(() -> new Check(
                        id,
                        title,
                        Verdict.WARN,
                        "operations.runbook-url is not set",
                        "Write down restore, failover and contacts (docs/operations.md is a start) and set"
                                + " operations.runbook-url to where it lives"));
    }

    private Check loadBalancer() {
        String id = "load-balancer";
        String title = "Behind a load balancer";
        int members = cluster.memberCount();
        Optional<Instant> forwarded = edge.lastForwarded().filter(this::recent);
        String evidence = "cluster of " + members + "; "
                + forwarded.map(at -> "proxy headers seen at " + at).orElse("no proxied request in 24 h");
        if (members > 1 || forwarded.isPresent()) {
            return Check.pass(id, title, evidence);
        }
        return new Check(
                id,
                title,
                Verdict.WARN,
                evidence,
                "Run two or more instances behind the load balancer (server-config/nginx/) for failover");
    }

    private boolean recent(Instant at) {
        return Duration.between(at, clock.instant()).compareTo(SEEN_WITHIN) <= 0;
    }

    private enum Reach {
        PRIVATE,
        PUBLIC,
        UNRESOLVED
    }

    /** Private: loopback, RFC 1918, link-local, carrier-grade NAT, IPv6 unique local; any public address: public. */
    static Reach reach(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!isPrivate(address)) {
                    return Reach.PUBLIC;
                }
            }
            return Reach.PRIVATE;
        } catch (UnknownHostException e) {
            return Reach.UNRESOLVED;
        }
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isAnyLocalAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // fc00::/7
        }
        return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64; // 100.64.0.0/10
    }

    private static String hours(Duration age) {
        return age.toHours() + " h " + age.toMinutesPart() + " min";
    }

    /** A fact that needs a dependency: {@code null} when it did not answer. */
    private static <T> T attempt(Supplier<T> fact) {
        try {
            return fact.get();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A pre-deployment check could not ask its dependency", e);
            return null;
        }
    }
}
