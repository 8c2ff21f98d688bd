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

    private static final String PASSWORD = "topologies-password";
    /** redis-cli's options for the ACL user docker/redis-entrypoint.sh makes. */
    private static final String[] APP_USER = {"--no-auth-warning", "--user", "issuetracker", "--pass", PASSWORD};

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
    void theShippedAclUserCachesEveryRegionAndIsRefusedEverythingElse() {
        servers = new RedisServers("acl");
        int port = RedisServers.freePort();
        servers.server("acl", port, servers.shippedAcl("acl", PASSWORD, Map.of()), APP_USER);
        RedisSettings settings = settings(withUser(Map.of("redis.address", "redis://127.0.0.1:" + port)));
        RedissonClient client = client(settings);

        RedissonRegionCacheFactory factory = new RedissonRegionCacheFactory();
        factory.redisson = client;
        for (CacheRegion region : CacheRegion.values()) {
            Cache<String, String> cache = factory.open(region.cacheName(), Optional.of(Duration.ofMinutes(5)));
            cache.put("key", "{\"region\":\"" + region.regionName() + "\"}");
            assertThat(cache.putIfAbsent("key", "other")).isFalse();
            assertThat(cache.replace("key", cache.get("key"), region.regionName()))
                    .isTrue();
            assertThat(cache.get("key")).as(region.regionName()).isEqualTo(region.regionName());
            assertThat(cache.remove("key")).isTrue();
            cache.put("key", "again");
            cache.clear();
        }
        // OpenLiberty's HTTP sessions (sessionCache-1.0 through Redisson's JCache): its two caches of a web module, and
        // Redisson's keys and channels of each, as MONITOR showed them; nothing else of the name
        for (String cache :
                List.of("com.ibm.ws.session.meta.default_host%2F", "com.ibm.ws.session.attr.default_host%2F")) {
            assertThat(appCli(port, "HSET", cache, "session", "x")).as(cache).isEqualTo("1");
            assertThat(appCli(port, "ZADD", "jcache_timeout_set:{" + cache + "}", "1", "session"))
                    .isEqualTo("1");
            assertThat(appCli(port, "PUBLISH", "jcache_created_channel:{" + cache + "}", "x"))
                    .isEqualTo("0");
            assertThat(appCli(port, "DEL", cache, "jcache_timeout_set:{" + cache + "}"))
                    .isEqualTo("2");
        }
        assertThat(appCli(port, "HSET", "com.ibm.ws.session.other", "k", "v")).contains("NOPERM");
        // the operations page and the preflight: INFO, CONFIG GET
        RedissonCacheServer server = new RedissonCacheServer();
        server.redisson = client;
        server.settings = settings;
        server.breaker = new CacheCircuitBreaker(TestCacheSettings.of("PT5M", "PT1S"));
        assertThat(server.memory()).as("INFO memory, stats, keyspace").isPresent();
        assertThat(client.getRedisNodes(org.redisson.api.redisnode.RedisNodes.SINGLE)
                        .getInstance()
                        .getConfig("maxmemory-policy"))
                .as("CONFIG GET")
                .containsKey("maxmemory-policy");

        String asApp = "--no-auth-warning";
        assertThat(RedisServers.cli("-p", String.valueOf(port), "PING"))
                .as("no credentials")
                .contains("NOAUTH");
        assertThat(RedisServers.cli("-p", String.valueOf(port), asApp, "-a", PASSWORD, "PING"))
                .as("the password as the default user")
                .contains("WRONGPASS");
        assertThat(RedisServers.cli("-p", String.valueOf(port), asApp, "--user", "default", "--pass", PASSWORD, "PING"))
                .contains("WRONGPASS");
        assertThat(appCli(port, "SET", "other-application:key", "x"))
                .as("a key outside the patterns")
                .contains("NOPERM");
        assertThat(appCli(port, "PUBLISH", "other-channel", "x")).contains("NOPERM");
        for (String[] dangerous : List.of(
                new String[] {"FLUSHALL"},
                new String[] {"KEYS", "*"},
                new String[] {"CONFIG", "SET", "dir", "/tmp"},
                new String[] {"REPLICAOF", "127.0.0.1", "1"},
                new String[] {"MODULE", "LIST"},
                new String[] {"CLIENT", "KILL", "TYPE", "normal"},
                new String[] {"SHUTDOWN", "NOSAVE"})) {
            assertThat(appCli(port, dangerous)).as(String.join(" ", dangerous)).contains("NOPERM");
        }
        assertThat(servers.root().resolve("acl-entrypoint/redis-auth.conf"))
                .as("the generated file: only its owner reads it")
                .satisfies(file -> assertThat(java.nio.file.Files.getPosixFilePermissions(file))
                        .containsOnly(
                                java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));

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
        servers.server("primary", primary, servers.shippedAcl("primary", PASSWORD, Map.of()), APP_USER);
        servers.server(
                "replica", replica, replicaOf(primary, servers.shippedAcl("replica", PASSWORD, Map.of())), APP_USER);
        Await.until("the replica is in sync, as the ACL user", Duration.ofSeconds(20), () -> appCli(
                        replica, "INFO", "replication")
                .contains("master_link_status:up"));
        long replicaHitsBefore = keyspaceHits(replica);

        Cache<String, String> cache = cache(withUser(Map.of(
                "redis.mode", "replicated",
                "redis.addresses", "redis://127.0.0.1:" + primary + ",redis://127.0.0.1:" + replica,
                "redis.read-from", "replica")));
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
        Map<String, String> watched = Map.of("REDIS_MONITORED_BY_SENTINEL", "yes");
        Process primaryProcess =
                servers.server("primary", primary, servers.shippedAcl("primary", PASSWORD, watched), APP_USER);
        servers.server(
                "replica", replica, replicaOf(primary, servers.shippedAcl("replica", PASSWORD, watched)), APP_USER);
        List<String> sentinelLines = new ArrayList<>(List.of(
                "sentinel monitor tracker 127.0.0.1 " + primary + " 1",
                "sentinel down-after-milliseconds tracker 1000",
                "sentinel failover-timeout tracker 5000",
                "sentinel parallel-syncs tracker 1"));
        sentinelLines.addAll(shippedSentinelAcl("tracker"));
        servers.sentinel("sentinel", sentinel, sentinelLines, APP_USER);
        Cache<String, String> cache = cache(withUser(Map.of(
                "redis.mode", "sentinel",
                "redis.addresses", "redis://127.0.0.1:" + sentinel,
                "redis.sentinel.master", "tracker")));
        cache.put("before", "written before the failover");
        Await.until("the replica has the entry", Duration.ofSeconds(10), () -> appCli(replica, "DBSIZE")
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

        assertThat(appCli(sentinel, "SENTINEL", "get-master-addr-by-name", "tracker"))
                .as("the replica was promoted")
                .contains(String.valueOf(replica));
        assertThat(cache.get("before")).isEqualTo("written before the failover");
        assertThat(RedisServers.cli("-p", String.valueOf(sentinel), "PING"))
                .as("the sentinel's default user is off too")
                .contains("NOAUTH");
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
                    clusterNode(servers.shippedAcl("node-" + i, PASSWORD, Map.of(), "--cluster-enabled", "yes")),
                    APP_USER);
        }
        // as docker/redis-cluster-create.sh does: as the ACL user
        List<String> create = new ArrayList<>(List.of(APP_USER));
        create.addAll(List.of("--cluster", "create"));
        ports.forEach(port -> create.add("127.0.0.1:" + port));
        create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
        String created = RedisServers.cli(create.toArray(String[]::new));
        assertThat(created).contains("[OK] All 16384 slots covered");
        for (int port : ports) {
            Await.until("node " + port + " sees the cluster ok", Duration.ofSeconds(30), () -> appCli(
                            port, "CLUSTER", "INFO")
                    .contains("cluster_state:ok"));
        }

        Map<String, String> cluster = withUser(Map.of(
                "redis.mode",
                "cluster",
                "redis.addresses",
                "redis://127.0.0.1:" + ports.get(0) + ",redis://127.0.0.1:" + ports.get(1)));
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

    private static List<String> replicaOf(int primary, List<String> acl) {
        List<String> lines = new ArrayList<>(acl);
        lines.add("replicaof 127.0.0.1 " + primary);
        return lines;
    }

    private static List<String> clusterNode(List<String> acl) {
        List<String> lines = new ArrayList<>(acl);
        lines.addAll(List.of("cluster-enabled yes", "cluster-config-file nodes.conf", "cluster-node-timeout 2000"));
        return lines;
    }

    /**
     * The ACL lines docker/sentinel-entrypoint.sh writes into a sentinel's configuration (its users; how it
     * authenticates to the servers and to the other sentinels), for the primary named {@code master}.
     */
    private static List<String> shippedSentinelAcl(String master) {
        try {
            String hash = java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(PASSWORD.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return java.nio.file.Files.readAllLines(Path.of("docker/sentinel-entrypoint.sh")).stream()
                    .filter(line ->
                            line.matches("(user|sentinel (auth-user|auth-pass|sentinel-user|sentinel-pass)) .*"))
                    .map(line -> line.replace("sentinel auth-user issuetracker", "sentinel auth-user " + master)
                            .replace("sentinel auth-pass issuetracker", "sentinel auth-pass " + master)
                            .replace("${username}", "issuetracker")
                            .replace("${password}", PASSWORD)
                            .replace("${hash}", hash))
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** redis-cli as the application's ACL user. */
    private static String appCli(int port, String... command) {
        List<String> arguments = new ArrayList<>(List.of("-p", String.valueOf(port)));
        arguments.addAll(List.of(APP_USER));
        arguments.addAll(List.of(command));
        return RedisServers.cli(arguments.toArray(String[]::new));
    }

    private static Map<String, String> withUser(Map<String, String> topology) {
        Map<String, String> values = new HashMap<>(topology);
        values.put("redis.username", "issuetracker");
        values.put("redis.password", PASSWORD);
        return values;
    }

    private static long keyspaceHits(int port) {
        String stats = appCli(port, "INFO", "stats");
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
