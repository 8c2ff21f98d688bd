package org.issuetracker.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.cache.Cache;
import org.issuetracker.application.caching.CacheCircuitBreaker;
import org.issuetracker.application.caching.CacheRegion;
import org.issuetracker.application.caching.CacheServer;
import org.issuetracker.application.caching.TestCacheSettings;
import org.issuetracker.infrastructure.config.MapConfig;
import org.issuetracker.support.Await;
import org.issuetracker.support.RedisServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * Every Redis topology the application supports, by configuration only ({@link RedisSettings} into the same
 * {@link RedissonClientProducer#configuration} the application uses), against real Redis 7 processes: an ACL user
 * with a password, TLS with a trust store, a primary with a replica that serves reads, Sentinel following a failover
 * after the primary is killed, and a Cluster of three primaries and three replicas. Each test writes and reads a
 * region's cache through Redisson's JCache, as the application does.
 */
class RedisTopologiesIT {

    private RedisServers servers;
    private final List<RedissonClient> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        // the provider keeps its cache manager (and the caches bound to this test's client) per class loader
        javax.cache.Caching.getCachingProvider(RedissonRegionCacheFactory.PROVIDER)
                .close();
        clients.forEach(RedissonClient::shutdown);
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void singleServerWithTheDocumentedAclUser() throws java.io.IOException {
        // the two ACL lines server-config/redis/common.conf documents, as they are there
        List<String> acl = java.nio.file.Files.readAllLines(Path.of("server-config/redis/common.conf")).stream()
                .filter(line -> line.startsWith("# user "))
                .map(line -> line.substring(2))
                .toList();
        assertThat(acl).hasSize(2);
        servers = new RedisServers("acl");
        int port = RedisServers.freePort();
        servers.server("acl", port, acl, "--user", "issuetracker", "--pass", "change-me");

        Map<String, String> topology = Map.of(
                "redis.address", "redis://127.0.0.1:" + port,
                "redis.username", "issuetracker",
                "redis.password", "change-me");
        RedissonRegionCacheFactory factory = new RedissonRegionCacheFactory();
        factory.redisson = client(settings(topology));
        for (CacheRegion region : CacheRegion.values()) {
            Cache<String, String> cache = factory.open(region.cacheName(), Optional.of(Duration.ofMinutes(5)));
            cache.put("key", "{\"region\":\"" + region.regionName() + "\"}");
            assertThat(cache.get("key")).as(region.regionName()).contains(region.regionName());
        }

        RedissonClient wrong = client(settings(Map.of(
                "redis.address", "redis://127.0.0.1:" + port,
                "redis.username", "issuetracker",
                "redis.password", "not-the-password")));
        assertThatThrownBy(() -> wrong.getKeys().count())
                .as("a wrong password is refused")
                .hasStackTraceContaining("WRONGPASS");
    }

    @Test
    void tlsTrustingTheServersCertificateThroughATrustStore() {
        servers = new RedisServers("tls");
        Path dir = servers.root();
        Certificates certificates = Certificates.selfSigned(dir);
        int port = RedisServers.freePort();
        servers.server(
                "tls",
                port,
                List.of(
                        "port 0",
                        "tls-port " + port,
                        "tls-cert-file " + certificates.cert(),
                        "tls-key-file " + certificates.key(),
                        "tls-ca-cert-file " + certificates.cert(),
                        "tls-auth-clients no"),
                "--tls",
                "--cacert",
                certificates.cert().toString());

        Cache<String, String> cache = cache(Map.of(
                "redis.address",
                "rediss://127.0.0.1:" + port,
                "redis.tls.truststore",
                certificates.truststore().toString(),
                "redis.tls.truststore-password",
                Certificates.PASSWORD));
        cache.put("issue-1", "over TLS");
        assertThat(cache.get("issue-1")).isEqualTo("over TLS");

        RedissonClient untrusting = client(settings(Map.of("redis.address", "rediss://127.0.0.1:" + port)));
        assertThatThrownBy(() -> untrusting.getKeys().count())
                .as("without the trust store the self-signed certificate is refused")
                .hasStackTraceContaining("SSL");
    }

    @Test
    void primaryWithAReplicaThatServesTheReads() {
        servers = new RedisServers("replicated");
        int primary = RedisServers.freePort();
        int replica = RedisServers.freePort();
        servers.server("primary", primary, List.of());
        servers.server("replica", replica, List.of("replicaof 127.0.0.1 " + primary));
        Await.until("the replica is in sync", Duration.ofSeconds(20), () -> RedisServers.cli(
                        "-p", String.valueOf(replica), "INFO", "replication")
                .contains("master_link_status:up"));
        long replicaHitsBefore = keyspaceHits(replica);

        Cache<String, String> cache = cache(Map.of(
                "redis.mode", "replicated",
                "redis.addresses", "redis://127.0.0.1:" + primary + ",redis://127.0.0.1:" + replica,
                "redis.read-from", "replica"));
        cache.put("issue-1", "written to the primary");

        Await.until("the value is read back from the replica", Duration.ofSeconds(10), () -> "written to the primary"
                .equals(cache.get("issue-1")));
        assertThat(keyspaceHits(replica)).as("the replica answered the read").isGreaterThan(replicaHitsBefore);
    }

    @Test
    void sentinelFollowsTheFailoverWhenThePrimaryIsKilled() {
        servers = new RedisServers("sentinel");
        int primary = RedisServers.freePort();
        int replica = RedisServers.freePort();
        int sentinel = RedisServers.freePort();
        Process primaryProcess = servers.server("primary", primary, List.of());
        servers.server("replica", replica, List.of("replicaof 127.0.0.1 " + primary));
        servers.sentinel(
                "sentinel",
                sentinel,
                List.of(
                        "sentinel monitor tracker 127.0.0.1 " + primary + " 1",
                        "sentinel down-after-milliseconds tracker 1000",
                        "sentinel failover-timeout tracker 5000",
                        "sentinel parallel-syncs tracker 1"));
        Cache<String, String> cache = cache(Map.of(
                "redis.mode", "sentinel",
                "redis.addresses", "redis://127.0.0.1:" + sentinel,
                "redis.sentinel.master", "tracker"));
        cache.put("before", "written before the failover");
        Await.until("the replica has the entry", Duration.ofSeconds(10), () -> RedisServers.cli(
                        "-p", String.valueOf(replica), "DBSIZE")
                .matches("[1-9]\\d*"));

        primaryProcess.destroyForcibly();
        long killed = System.nanoTime();
        Await.until("the application writes and reads again", Duration.ofSeconds(60), () -> {
            try {
                cache.put("after", "written after the failover");
                return "written after the failover".equals(cache.get("after"));
            } catch (RuntimeException stillFailingOver) {
                return false;
            }
        });
        Duration failover = Duration.ofNanos(System.nanoTime() - killed);

        assertThat(RedisServers.cli("-p", String.valueOf(sentinel), "SENTINEL", "get-master-addr-by-name", "tracker"))
                .as("the replica was promoted")
                .contains(String.valueOf(replica));
        assertThat(cache.get("before")).isEqualTo("written before the failover");
        System.out.println("[topologies] Sentinel: writes and reads again " + failover.toMillis()
                + " ms after the primary was killed");
    }

    @Test
    void clusterOfThreePrimariesAndThreeReplicas() {
        servers = new RedisServers("cluster");
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int port = RedisServers.freePort();
            ports.add(port);
            servers.server(
                    "node-" + i,
                    port,
                    List.of("cluster-enabled yes", "cluster-config-file nodes.conf", "cluster-node-timeout 2000"));
        }
        List<String> create = new ArrayList<>(List.of("--cluster", "create"));
        ports.forEach(port -> create.add("127.0.0.1:" + port));
        create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
        String created = RedisServers.cli(create.toArray(String[]::new));
        assertThat(created).contains("[OK] All 16384 slots covered");
        for (int port : ports) {
            Await.until("node " + port + " sees the cluster ok", Duration.ofSeconds(30), () -> RedisServers.cli(
                            "-p", String.valueOf(port), "CLUSTER", "INFO")
                    .contains("cluster_state:ok"));
        }

        Map<String, String> cluster = Map.of(
                "redis.mode",
                "cluster",
                "redis.addresses",
                "redis://127.0.0.1:" + ports.get(0) + ",redis://127.0.0.1:" + ports.get(1));
        RedisSettings settings = settings(cluster);
        RedissonClient client = client(settings);
        RedissonRegionCacheFactory factory = new RedissonRegionCacheFactory();
        factory.redisson = client;
        for (CacheRegion region : CacheRegion.values()) {
            Cache<String, String> cache = factory.open(region.cacheName(), Optional.of(Duration.ofMinutes(5)));
            // a cluster just formed may still answer CLUSTERDOWN for a moment
            Await.until("a write to " + region + " lands", Duration.ofSeconds(20), () -> {
                try {
                    cache.put("key", region.regionName());
                    return true;
                } catch (RuntimeException settling) {
                    return false;
                }
            });
            assertThat(cache.get("key")).isEqualTo(region.regionName());
        }

        RedissonCacheServer server = new RedissonCacheServer();
        server.redisson = client;
        server.settings = settings;
        server.breaker = new CacheCircuitBreaker(TestCacheSettings.of("PT5M", "PT1S"));
        CacheServer.Memory memory = server.memory().orElseThrow();
        assertThat(memory.primaries()).isEqualTo(3);
        assertThat(memory.keys())
                .as("the regions' entries, spread over the shards")
                .isPositive();
    }

    private static long keyspaceHits(int port) {
        String stats = RedisServers.cli("-p", String.valueOf(port), "INFO", "stats");
        for (String line : stats.split("\\R")) {
            if (line.startsWith("keyspace_hits:")) {
                return Long.parseLong(line.substring("keyspace_hits:".length()).trim());
            }
        }
        throw new AssertionError("no keyspace_hits in " + stats);
    }

    private Cache<String, String> cache(Map<String, String> topology) {
        RedissonRegionCacheFactory factory = new RedissonRegionCacheFactory();
        factory.redisson = client(settings(topology));
        return factory.open(CacheRegion.ISSUES.cacheName(), Optional.of(Duration.ofMinutes(5)));
    }

    private RedissonClient client(RedisSettings settings) {
        RedissonClient client = Redisson.create(RedissonClientProducer.configuration(settings));
        clients.add(client);
        return client;
    }

    /** The application's Redis settings: its defaults, with a slower timeout for busy test machines. */
    private static RedisSettings settings(Map<String, String> topology) {
        Map<String, String> values = new HashMap<>(Map.of(
                "redis.mode", "single",
                "redis.address", "redis://127.0.0.1:6379",
                "redis.read-from", "primary",
                "redis.timeout", "PT1S",
                "redis.connect-timeout", "PT1S",
                "redis.retry-attempts", "0",
                "redis.netty-threads", "4"));
        values.putAll(topology);
        return new RedisSettings(new MapConfig(values));
    }

    /** A self-signed certificate for 127.0.0.1 (openssl), and a PKCS12 trust store holding it (keytool). */
    record Certificates(Path cert, Path key, Path truststore) {

        static final String PASSWORD = "trust-password";

        static Certificates selfSigned(Path dir) {
            Path cert = dir.resolve("redis.crt");
            Path key = dir.resolve("redis.key");
            Path truststore = dir.resolve("truststore.p12");
            run(
                    "openssl",
                    "req",
                    "-x509",
                    "-newkey",
                    "rsa:2048",
                    "-nodes",
                    "-days",
                    "1",
                    "-subj",
                    "/CN=127.0.0.1",
                    "-addext",
                    "subjectAltName=IP:127.0.0.1,DNS:localhost",
                    "-keyout",
                    key.toString(),
                    "-out",
                    cert.toString());
            run(
                    "keytool",
                    "-importcert",
                    "-noprompt",
                    "-alias",
                    "redis",
                    "-file",
                    cert.toString(),
                    "-keystore",
                    truststore.toString(),
                    "-storetype",
                    "PKCS12",
                    "-storepass",
                    PASSWORD);
            return new Certificates(cert, key, truststore);
        }

        private static void run(String... command) {
            try {
                Process process =
                        new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes());
                if (process.waitFor() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
