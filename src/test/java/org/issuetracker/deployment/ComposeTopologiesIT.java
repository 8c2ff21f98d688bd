package org.issuetracker.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.issuetracker.deployment.ComposeShape.arguments;
import static org.issuetracker.deployment.ComposeShape.environment;
import static org.issuetracker.deployment.ComposeShape.optionValue;
import static org.issuetracker.deployment.ComposeShape.secrets;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What each compose shape makes of MongoDB and Redis, as docker-compose resolves it: the application configured for
 * the shape's topology (redis.mode and its addresses, the replica set), and every server requiring a password and
 * TLS. Each test reads what the containers are started with, and the scripts they are started through.
 */
class ComposeTopologiesIT {

    private static final String REDIS_ENTRYPOINT = "/usr/local/bin/redis-entrypoint.sh";
    private static final String SENTINEL_ENTRYPOINT = "/usr/local/bin/sentinel-entrypoint.sh";

    @ParameterizedTest
    @EnumSource(ComposeShape.class)
    void theApplicationIsConfiguredForTheShapesRedisMode(ComposeShape shape) {
        ComposeShape.Resolved resolved = shape.resolved();
        resolved.instances().forEach((name, instance) -> {
            Map<?, ?> environment = environment(instance);
            assertThat(environment.get("REDIS_MODE")).as(name).isEqualTo(shape.redisMode());
            List<URI> addresses = "single".equals(shape.redisMode())
                    ? List.of(URI.create(String.valueOf(environment.get("REDIS_ADDRESS"))))
                    : Arrays.stream(String.valueOf(environment.get("REDIS_ADDRESSES"))
                                    .split(","))
                            .map(URI::create)
                            .toList();

            assertThat(addresses).as(name + "'s Redis addresses").isNotEmpty().allSatisfy(address -> assertThat(
                            resolved.ofImage("redis"))
                    .as(address + " is a Redis of the shape")
                    .containsKey(address.getHost()));
            Map<String, Map<String, Object>> servers = resolved.ofImage("redis");
            switch (shape.redisMode()) {
                case "single" -> assertThat(servers).containsOnlyKeys("redis");
                case "replicated" -> {
                    String primary = addresses.get(0).getHost();
                    assertThat(arguments(servers.get(primary))).doesNotContain("--replicaof");
                    addresses.stream().skip(1).forEach(replica -> assertThat(
                                    String.join(" ", arguments(servers.get(replica.getHost()))))
                            .contains("--replicaof " + primary + " 6379"));
                    assertThat(addresses).hasSizeGreaterThanOrEqualTo(2);
                }
                case "sentinel" -> assertTheSentinelsWatchThePrimary(servers, addresses, environment);
                case "cluster" -> assertTheClusterIsFormedFromItsNodes(resolved, servers, addresses);
                default -> throw new AssertionError("no such redis.mode: " + shape.redisMode());
            }
        });
    }

    private static void assertTheSentinelsWatchThePrimary(
            Map<String, Map<String, Object>> servers, List<URI> addresses, Map<?, ?> environment) {
        String script = read("docker/sentinel-entrypoint.sh");
        var monitor = Pattern.compile("sentinel monitor (\\S+) (\\S+) 6379 \\$\\{SENTINEL_QUORUM:-(\\d)}")
                .matcher(script);
        assertThat(monitor.find())
                .as("sentinel monitor in sentinel-entrypoint.sh")
                .isTrue();
        assertThat(environment.get("REDIS_SENTINEL_MASTER")).isEqualTo(monitor.group(1));
        String primary = monitor.group(2);
        assertThat(arguments(servers.get(primary))).as(primary).doesNotContain("--replicaof");
        assertThat(servers.values().stream().map(server -> String.join(" ", arguments(server))))
                .as("a replica of " + primary)
                .anyMatch(arguments -> arguments.contains("--replicaof " + primary + " 6379"));

        Map<String, Map<String, Object>> sentinels = new LinkedHashMap<>(servers);
        sentinels.values().removeIf(server -> !arguments(server).contains(SENTINEL_ENTRYPOINT));
        assertThat(sentinels).hasSize(3);
        assertThat(addresses).extracting(URI::getHost).containsExactlyInAnyOrderElementsOf(sentinels.keySet());
        assertThat(addresses).extracting(URI::getPort).containsOnly(26379);
        sentinels.forEach((name, sentinel) -> {
            assertThat(environment(sentinel).get("SENTINEL_ANNOUNCE")).as(name).isEqualTo(name);
            assertThat(environment(sentinel).get("SENTINEL_QUORUM")).as(name).isEqualTo("2");
        });
    }

    private static void assertTheClusterIsFormedFromItsNodes(
            ComposeShape.Resolved resolved, Map<String, Map<String, Object>> nodes, List<URI> seeds) {
        assertThat(nodes).hasSize(6);
        nodes.forEach((name, node) -> {
            List<String> arguments = arguments(node);
            assertThat(optionValue(arguments, "--cluster-enabled")).as(name).isEqualTo("yes");
            assertThat(optionValue(arguments, "--cluster-announce-hostname"))
                    .as(name)
                    .isEqualTo(name);
        });
        Map<String, Object> create = resolved.oneShots().get("redis-cluster-create");
        assertThat(create).as("the one-shot job that forms the cluster").isNotNull();
        assertThat(String.valueOf(environment(create).get("REDIS_CLUSTER_NODES"))
                        .split(" "))
                .containsExactlyInAnyOrderElementsOf(nodes.keySet());
        assertThat(read("docker/redis-cluster-create.sh"))
                .contains("--cluster create ${addresses} --cluster-replicas 1 --cluster-yes");
        assertThat(seeds).extracting(URI::getHost).isSubsetOf(nodes.keySet());
    }

    @ParameterizedTest
    @EnumSource(ComposeShape.class)
    void theApplicationReachesRedisOverTlsAsTheAclUserWithThePasswordOfItsSecret(ComposeShape shape) {
        shape.resolved().instances().forEach((name, instance) -> {
            Map<?, ?> environment = environment(instance);
            String addresses = "single".equals(shape.redisMode())
                    ? String.valueOf(environment.get("REDIS_ADDRESS"))
                    : String.valueOf(environment.get("REDIS_ADDRESSES"));
            assertThat(addresses.split(",")).as(name).allMatch(address -> address.startsWith("rediss://"));
            assertThat(environment.get("REDIS_TLS_TRUSTSTORE")).as(name).isEqualTo("/tls/truststore.p12");
            assertSecretFile(name, instance, environment, "REDIS_PASSWORD_FILE", "redis_password");
            assertThat(environment.get("REDIS_USERNAME"))
                    .as(name + " authenticates as the servers' ACL user")
                    .isEqualTo("issuetracker");
        });
    }

    @ParameterizedTest
    @EnumSource(ComposeShape.class)
    void everyRedisServerRequiresTheAclUserAndSpeaksOnlyTls(ComposeShape shape) {
        String redisScript = read("docker/redis-entrypoint.sh");
        String sentinelScript = read("docker/sentinel-entrypoint.sh");
        // RedisTlsConfigurationIT and RedisTopologiesIT start Redis with what the scripts generate
        assertThat(redisScript)
                .contains("echo \"user default off resetpass -@all\"")
                .contains("echo \"user ${username} on resetpass #${hash} ${rules}\"")
                .contains("printf 'masterauth \"%s\"\\n' \"${password}\"")
                .contains("--include /usr/local/etc/redis/tls.conf --include \"${auth}\"");
        assertThat(sentinelScript)
                .contains("user default off resetpass -@all")
                .contains("sentinel auth-user issuetracker ${username}")
                .contains("port 0");
        assertThat(read("server-config/redis/tls.conf"))
                .containsPattern("(?m)^port 0$")
                .contains("tls-port 6379");

        shape.resolved().ofImage("redis").forEach((name, server) -> {
            assertThat(arguments(server))
                    .as(name + " starts through a script that makes the ACL user from the secret")
                    .containsAnyOf(REDIS_ENTRYPOINT, SENTINEL_ENTRYPOINT);
            assertSecretFile(name, server, environment(server), "REDIS_PASSWORD_FILE", "redis_password");
            assertThat(String.valueOf(server.get("healthcheck")))
                    .as(name)
                    .contains("REDISCLI_AUTH", "--user \"$${REDIS_USERNAME}\"", "--tls");
            assertThat(environment(server).get("REDIS_USERNAME")).as(name).isEqualTo("issuetracker");
        });
    }

    @ParameterizedTest
    @EnumSource(ComposeShape.class)
    void everyMongoRequiresAuthenticationAndTlsAndTheApplicationHasItsOwnUser(ComposeShape shape) {
        Map<String, Map<String, Object>> servers = shape.resolved().ofImage("mongo");
        assertThat(servers).isNotEmpty();
        servers.forEach((name, server) -> {
            List<String> arguments = arguments(server);
            assertThat(arguments).as(name).contains("--auth");
            assertThat(optionValue(arguments, "--tlsMode")).as(name).isEqualTo("requireTLS");
            assertSecretFile(
                    name, server, environment(server), "MONGO_INITDB_ROOT_PASSWORD_FILE", "mongo_root_password");
            assertSecretFile(name, server, environment(server), "MONGO_APP_PASSWORD_FILE", "mongo_app_password");
            assertThat(String.valueOf(server.get("volumes"))).as(name).contains(":/docker-entrypoint-initdb.d:ro");
        });
        assertThat(read("docker/mongo-init/create-app-user.sh"))
                .contains("roles: [\n"
                        + "            { role: \"readWrite\", db: process.env.APP_DATABASE },\n"
                        + "            { role: \"readWrite\", db: process.env.APP_DATABASE + \"-drill\" }\n"
                        + "        ]");

        shape.resolved().instances().forEach((name, instance) -> {
            Map<?, ?> environment = environment(instance);
            String uri = String.valueOf(environment.get("MONGODB_URI"));
            assertThat(uri).as(name).doesNotContain("@").contains("tls=true", "authSource=issuetracker");
            assertThat(environment.get("MONGODB_USERNAME")).as(name).isEqualTo("issuetracker");
            // the credential is checked against mongodb.auth-source (default admin), whatever the URI says
            assertThat(environment.get("MONGODB_AUTH_SOURCE"))
                    .as(name + "'s mongodb.auth-source: where create-app-user.sh puts the user")
                    .isEqualTo(environment(servers.get("mongo")).get("MONGO_APP_DATABASE"));
            assertSecretFile(name, instance, environment, "MONGODB_PASSWORD_FILE", "mongo_app_password");
        });
    }

    @ParameterizedTest
    @EnumSource(ComposeShape.class)
    void theApplicationUsesTheReplicaSetWhereThereIsOneWithMajorityWritesAndRetries(ComposeShape shape) {
        Map<String, Map<String, Object>> members = shape.resolved().ofImage("mongo");
        shape.resolved().instances().forEach((name, instance) -> {
            String uri = String.valueOf(environment(instance).get("MONGODB_URI"));
            List<String> hosts = List.of(
                    uri.replaceFirst("^mongodb://", "").replaceFirst("/.*", "").split(","));
            if (shape != ComposeShape.MONGO_REPLICA_SET) {
                assertThat(uri).as(name).doesNotContain("replicaSet=");
                assertThat(members).containsOnlyKeys("mongo");
                return;
            }
            assertThat(uri).as(name).contains("replicaSet=rs0", "w=majority", "retryWrites=true");
            assertThat(hosts)
                    .as(name)
                    .containsExactlyInAnyOrderElementsOf(members.keySet().stream()
                            .map(member -> member + ":27017")
                            .toList());
            assertThat(String.valueOf(instance.get("depends_on")))
                    .contains("mongo-replica-set-initiate={condition=service_completed_successfully}");
        });
        if (shape == ComposeShape.MONGO_REPLICA_SET) {
            members.forEach((name, member) -> {
                assertThat(optionValue(arguments(member), "--replSet")).as(name).isEqualTo("rs0");
                assertThat(optionValue(arguments(member), "--keyFile")).as(name).isEqualTo("/tmp/mongo-keyfile");
                assertThat(secrets(member)).as(name).contains("mongo_keyfile");
            });
            Map<String, Object> initiate = shape.resolved().oneShots().get("mongo-replica-set-initiate");
            assertThat(environment(initiate).get("MONGO_REPLICA_SET")).isEqualTo("rs0");
            assertThat(String.valueOf(environment(initiate).get("MONGO_MEMBERS"))
                            .split(" "))
                    .containsExactlyInAnyOrderElementsOf(members.keySet());
        }
    }

    /**
     * Liberty's session store is a Redisson of its own (server-config/liberty/redisson-sessions.yaml): it reads the
     * same address and ACL user as the application, and the CA as a URL; the generated ACL lets that user at the
     * session caches (RedisTopologiesIT uses them on a real Redis).
     */
    @ParameterizedTest
    @EnumSource(
            value = ComposeShape.class,
            names = {"LIBERTY", "LIBERTY_SCALED"})
    void theLibertySessionStoreUsesTheApplicationsRedisAccount(ComposeShape shape) {
        assertThat(read("server-config/liberty/redisson-sessions.yaml"))
                .contains("${REDIS_ADDRESS:-", "${REDIS_USERNAME:-", "${REDIS_PASSWORD:-")
                .contains(
                        "sslTruststore: ${REDIS_TLS_TRUSTSTORE_URL:-null}",
                        "sslTruststorePassword: ${REDIS_TLS_TRUSTSTORE_PASSWORD:-null}");
        assertThat(read("docker/redis-entrypoint.sh"))
                .contains("for cache in 'com.ibm.ws.session.meta.*' 'com.ibm.ws.session.attr.*'; do")
                .contains("rules=\"${rules} ~${cache} ~jcache_*:{${cache}} &jcache_*:{${cache}}\"");
        shape.resolved().instances().forEach((name, instance) -> {
            Map<?, ?> environment = environment(instance);
            assertThat(environment.get("REDIS_TLS_TRUSTSTORE_URL"))
                    .as(name + ": the session store's trust store, the application's as a URL")
                    .isEqualTo("file:" + environment.get("REDIS_TLS_TRUSTSTORE"));
            assertSecretFile(name, instance, environment, "REDIS_TLS_TRUSTSTORE_PASSWORD_FILE", "truststore_password");
        });
    }

    @Test
    void theOneHostShapeServesHttpsThroughNginxAndRedirectsHttp() {
        Map<String, Object> nginx = ComposeShape.SINGLE.resolved().started().get("nginx");
        assertThat(String.valueOf(nginx.get("volumes")))
                .contains(
                        "server-config/nginx/nginx-single.conf:/etc/nginx/nginx.conf:ro",
                        "docker/tls:/etc/nginx/tls:ro");
        assertThat(read("server-config/nginx/nginx-single.conf"))
                .contains("listen 443 ssl;", "return 301 https://$host$request_uri;", "server app:8080")
                .contains("ssl_certificate /etc/nginx/tls/tls.crt;");
    }

    /** The service reads {@code variable} from a file under /run/secrets that is one of its secrets. */
    private static void assertSecretFile(
            String name, Map<String, Object> service, Map<?, ?> environment, String variable, String secret) {
        assertThat(environment.get(variable)).as(name + "'s " + variable).isEqualTo("/run/secrets/" + secret);
        assertThat(secrets(service)).as(name + "'s secrets").contains(secret);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
