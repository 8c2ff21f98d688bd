package org.issuetracker.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;
import static org.issuetracker.deployment.ComposeShape.arguments;
import static org.issuetracker.deployment.ComposeShape.bytes;
import static org.issuetracker.deployment.ComposeShape.environment;
import static org.issuetracker.deployment.ComposeShape.optionValue;
import static org.issuetracker.deployment.ComposeShape.publishedPorts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.issuetracker.deployment.ComposeShape.PublishedPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compose files under docker/ as Debian's docker-compose 1.29 resolves them ({@code config}, which needs no Docker
 * engine), every shape of {@link ComposeShape}: the production shape on one host (docker-compose.yml alone), the
 * scaled one, both on OpenLiberty, the Redis and MongoDB topologies and monitoring (overlays of it). What a typo or a
 * forgotten line would break without any build noticing: the health checks, what is reachable from outside the host,
 * that the Payara instances form one cluster and the Liberty ones need none, the restart policies and memory limits,
 * and that no password is written into any file under
 * docker/ or server-config/. (The topologies themselves: {@link ComposeTopologiesIT}.) An integration test only
 * because docker-compose is installed before the integration tests.
 */
class ComposeFilesIT {

    /**
     * A password in a line: the value given to a key that names one (up to a quote, a space or a comment; group 2;
     * not the name of a variable being expanded, {@code ${REDIS_PASSWORD_FILE:-}}), the password of a URI's user
     * information, {@code mongodb://user:password@host} (group 3), or Redis' requirepass and masterauth (group 4).
     */
    private static final Pattern PASSWORD = Pattern.compile(
            "(?i)(?<![\\w.{-])[\\w.-]*(password|passwd)[\\w.-]*\\s*[:=]\\s*['\"]?(\\$\\{[^}]*}|\\$\\([^)]*\\)?|[^'\"\\s#]*)"
                    + "|\\w+://[^\\s/:@]+:([^\\s/@]+)@"
                    + "|\\b(?:requirepass|masterauth)\\s+['\"]?([^'\"\\s#]*)");
    /**
     * What may stand for a password: a variable (of the environment that starts compose, or of a script) with no
     * default, a file's path or Redisson's {@code null} (no password) as its default, a command's output
     * ({@code $(cat file)}), a file's path (where the password is: a Docker secret), or a format's placeholder
     * ({@code %s}).
     */
    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\{\\w+(:?\\?[^}]*|:?-(\\.{0,2}/[^}]*|null)?)?}|\\$\\w+|\\$\\(.*|\\.{0,2}/\\S*|%s");

    @ParameterizedTest
    @EnumSource(ComposeShape.class)
    void everyLongRunningServiceHasAHealthCheck(ComposeShape shape) {
        Map<String, Map<String, Object>> services =
                new LinkedHashMap<>(shape.resolved().services());
        services.values().removeIf(ComposeShape::isOneShot);
        services.forEach((name, service) -> assertThat(service.get("healthcheck"))
                .as(name + "'s healthcheck")
                .asInstanceOf(MAP)
                .containsKey("test")
                .doesNotContainEntry("disable", true));
    }

    @ParameterizedTest
    @EnumSource(ComposeShape.class)
    void everyLongRunningServiceRestartsUnlessStoppedAndHasAMemoryLimit(ComposeShape shape) {
        shape.resolved().longRunning().forEach((name, service) -> assertThat(service)
                .as(name)
                .containsEntry("restart", "unless-stopped")
                .containsKey("mem_limit"));
    }

    /** One-shot jobs are exempt from the two tests above, so "one-shot" must mean it: marked, and never restarted. */
    @ParameterizedTest
    @EnumSource(ComposeShape.class)
    void onlyMarkedOneShotJobsMayStopAndTheyAreNeverRestarted(ComposeShape shape) {
        shape.resolved().oneShots().forEach((name, service) -> assertThat(service)
                .as(name + " (one-shot)")
                .containsEntry("restart", "no")
                .containsKey("mem_limit")
                .doesNotContainKey("ports"));
        shape.resolved().started().forEach((name, service) -> {
            if ("no".equals(service.get("restart")) || !service.containsKey("restart")) {
                assertThat(ComposeShape.isOneShot(service))
                        .as(name + " does not restart, so it must be a one-shot job (label "
                                + ComposeShape.ONE_SHOT_LABEL + ")")
                        .isTrue();
            }
        });
    }

    @ParameterizedTest
    @EnumSource(ComposeShape.class)
    void onlyTheLoadBalancersHttpAndHttpsPortsArePublishedOnAllInterfaces(ComposeShape shape) {
        assertThat(publishedPorts(shape.resolved().services()).stream()
                        .filter(PublishedPort::onAllInterfaces)
                        .map(PublishedPort::name))
                .isSubsetOf("nginx:80", "nginx:443");
    }

    @Test
    void theSingleShapeStartsOneApplicationBehindNginxAndTheScaledShapeThree() {
        assertThat(ComposeShape.SINGLE.resolved().started()).containsOnlyKeys("mongo", "redis", "app", "nginx");
        assertThat(ComposeShape.SCALED.resolved().started())
                .containsOnlyKeys("mongo", "redis", "app-1", "app-2", "app-3", "nginx");
        assertThat(ComposeShape.SCALED.resolved().instances()).containsOnlyKeys("app-1", "app-2", "app-3");
    }

    @Test
    void theLibertyShapesRunTheSameServicesOnTheLibertyImage() {
        assertThat(ComposeShape.LIBERTY.resolved().started()).containsOnlyKeys("mongo", "redis", "app", "nginx");
        assertThat(ComposeShape.LIBERTY_SCALED.resolved().started())
                .containsOnlyKeys("mongo", "redis", "app-1", "app-2", "app-3", "nginx");
        for (ComposeShape shape : ComposeShape.values()) {
            String image = shape.onLiberty() ? ComposeShape.LIBERTY_DOCKERFILE : ComposeShape.PAYARA_DOCKERFILE;
            assertThat(shape.resolved().instances())
                    .as(shape + "'s instances")
                    .isNotEmpty()
                    .allSatisfy((name, service) -> assertThat(ComposeShape.dockerfile(service))
                            .as(name)
                            .isEqualTo(image));
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = ComposeShape.class,
            names = {"SCALED", "LIBERTY_SCALED"})
    void inTheScaledShapesOnlyNginxPublishesPortsHttpAndHttps(ComposeShape shape) {
        assertThat(publishedPorts(shape.resolved().started()).stream().map(PublishedPort::name))
                .containsExactlyInAnyOrder("nginx:80", "nginx:443");
    }

    @Test
    void everyInstanceIsNamedAfterItsServiceInOneClusterThatListsEveryInstance() {
        Map<String, Map<String, Object>> instances =
                ComposeShape.SCALED.resolved().instances();
        instances.forEach((name, service) -> {
            List<String> arguments = arguments(service);
            String port = optionValue(arguments, "--startport");
            List<String> everyInstance = instances.keySet().stream()
                    .map(instance -> instance + ":" + port)
                    .toList();

            assertThat(arguments)
                    .as(name)
                    .doesNotContain("--nocluster")
                    .noneMatch(argument -> argument.contains("127.0.0.1"));
            assertThat(optionValue(arguments, "--name")).as(name).isEqualTo(name);
            assertThat(optionValue(arguments, "--clustername")).as(name).isEqualTo("issuetracker");
            assertThat(optionValue(arguments, "--clustermode")).as(name).startsWith("tcpip:");
            assertThat(optionValue(arguments, "--clustermode")
                            .substring("tcpip:".length())
                            .split(","))
                    .as(name + "'s members")
                    .containsExactlyInAnyOrderElementsOf(everyInstance);
        });
    }

    @Test
    void everyInstanceReadsTheClusterFilesTheImageHolds() throws IOException {
        String dockerfile = Files.readString(Path.of("docker", "Dockerfile"));
        assertThat(dockerfile)
                .contains("COPY server-config/payara/pre-boot-commands-container.asadmin"
                        + " server-config/payara/cluster.properties /opt/payara/config/");
        ComposeShape.SCALED.resolved().instances().forEach((name, service) -> {
            assertThat(optionValue(arguments(service), "--systemproperties"))
                    .as(name)
                    .isEqualTo("/opt/payara/config/cluster.properties");
            assertThat(optionValue(arguments(service), "--prebootcommandfile"))
                    .as(name)
                    .isEqualTo("/opt/payara/config/pre-boot-commands-container.asadmin");
        });
    }

    @Test
    void everyInstanceHasItsRouteAtTheLoadBalancer() throws IOException {
        String nginxConf = Files.readString(Path.of("server-config", "nginx", "nginx.conf"));
        ComposeShape.SCALED.resolved().instances().forEach((name, service) -> {
            assertThat(environment(service).get("JVM_ARGS").toString()).as(name).contains("-DjvmRoute=" + name);
            String upstream = "issuetracker_" + name.replace('-', '_');
            assertThat(nginxConf)
                    .as(name + "'s sessions are routed to it")
                    .contains("~\\." + name + "$ " + upstream + ";")
                    .contains("upstream " + upstream + " {");
        });
    }

    @ParameterizedTest
    @EnumSource(
            value = ComposeShape.class,
            names = {"SCALED", "LIBERTY_SCALED"})
    void theLoadBalancerSpreadsTheRequestsOverEveryInstance(ComposeShape shape) throws IOException {
        String nginxConf = Files.readString(Path.of("server-config", "nginx", "nginx.conf"));
        List<String> upstreams = Pattern.compile("(?m)^\\s*server\\s+([\\w.-]+):8080\\b")
                .matcher(nginxConf)
                .results()
                .map(server -> server.group(1))
                .distinct()
                .toList();

        assertThat(upstreams)
                .containsExactlyInAnyOrderElementsOf(
                        shape.resolved().instances().keySet());
        assertThat(String.valueOf(shape.resolved().started().get("nginx").get("volumes")))
                .contains("server-config/nginx/nginx.conf:/etc/nginx/nginx.conf:ro");
    }

    /**
     * The Liberty instances keep their sessions in Redis: nothing routes a session to one instance. No Hazelcast, no
     * route, and nginx.conf's sticky map (Payara's ".&lt;route&gt;" cookie suffix) matches no cookie Liberty makes
     * ({@code 0001<id>:<clone id>}, the separator server.xml leaves at Liberty's ':'), even a clone id named like an
     * instance, so every request takes the map's round-robin default.
     */
    @Test
    void theLibertyInstancesNeedNoStickinessAndNoServerCluster() throws IOException {
        Map<String, Map<String, Object>> instances =
                ComposeShape.LIBERTY_SCALED.resolved().instances();
        String nginxConf = Files.readString(Path.of("server-config", "nginx", "nginx.conf"));
        Matcher map = Pattern.compile("map \\$cookie_JSESSIONID \\$issuetracker_upstream \\{([^}]*)}")
                .matcher(nginxConf);
        assertThat(map.find()).as("the sticky map in nginx.conf").isTrue();
        List<Pattern> routes = Pattern.compile("(?m)^\\s*~(\\S+)\\s+\\w+;")
                .matcher(map.group(1))
                .results()
                .map(route -> Pattern.compile(route.group(1)))
                .toList();
        assertThat(routes).as("the map's routes").hasSameSizeAs(instances.keySet());
        assertThat(map.group(1)).containsPattern("default\\s+issuetracker;");
        assertThat(Files.readString(Path.of("server-config", "liberty", "server.xml")))
                .doesNotContain("cloneSeparator", "jvmRoute");

        instances.forEach((name, service) -> {
            for (String cookie :
                    List.of("0001Xyq3b_Kw9Zr-pL7mNcV2sTe:" + name, "0001Xyq3b_Kw9Zr-pL7mNcV2sTe:1f2e3d4c")) {
                assertThat(routes).as(cookie).noneMatch(route -> route.matcher(cookie)
                        .find());
            }
            assertThat(service).as(name).doesNotContainKeys("entrypoint", "command", "ports");
            assertThat(String.valueOf(environment(service).get("JVM_ARGS")))
                    .as(name)
                    .doesNotContain("jvmRoute");
            assertThat(String.valueOf(service)).as(name).doesNotContain("6900", "hazelcast", "--cluster");
        });
    }

    /**
     * The Liberty image holds what server.xml expects where it expects it ({@code ${server.config.dir}} is /config),
     * owned as the official image wants (user 1001, group 0), on a pinned release of the full image, and starts
     * through the secrets script like the Payara image.
     */
    @Test
    void theLibertyImageHoldsWhatServerXmlExpects() throws IOException {
        String dockerfile = Files.readString(Path.of(ComposeShape.LIBERTY_DOCKERFILE));
        String serverXml = Files.readString(Path.of("server-config", "liberty", "server.xml"));
        assertThat(serverXml)
                .contains("location=\"issuetracker.war\"")
                .contains("<fileset dir=\"${server.config.dir}/lib/redisson\" includes=\"*.jar\"/>")
                .contains("uri=\"file:${server.config.dir}/redisson-sessions.yaml\"");

        assertThat(dockerfile)
                .containsPattern(
                        "(?m)^FROM icr\\.io/appcafe/open-liberty:\\d+\\.\\d+\\.\\d+\\.\\d+-full-java17-openj9-ubi$")
                .contains(
                        "COPY --chown=1001:0 server-config/liberty/server.xml server-config/liberty/redisson-sessions.yaml"
                                + " /config/\n")
                .contains("COPY --chown=1001:0 target/liberty/redisson-lib/ /config/lib/redisson/\n")
                .contains("COPY --chown=1001:0 target/issuetracker.war /config/apps/issuetracker.war\n")
                .contains("ENTRYPOINT [\"/bin/sh\", \"/opt/issuetracker/app-entrypoint.sh\","
                        + " \"/opt/ol/helpers/runtime/docker-server.sh\"]")
                .contains("CMD [\"/opt/ol/wlp/bin/server\", \"run\", \"defaultServer\"]")
                .containsPattern("HTTP_HOST=\\*\\s")
                .containsPattern("SESSION_COOKIE_SECURE=true\\s")
                .contains("HEALTHCHECK ")
                .contains("CMD curl -fsS -o /dev/null http://127.0.0.1:8080/health/ready");
        assertThat(Pattern.compile("(?m)^COPY (?!--chown=1001:0 )")
                        .matcher(dockerfile)
                        .find())
                .as("every COPY of the Liberty image is owned by 1001:0")
                .isFalse();
    }

    /** Both images start through docker/app-entrypoint.sh, which runs the command after it: each server's own. */
    @Test
    void bothImagesAndTheScaledPayaraShapeGiveTheSecretsScriptTheServersStartCommand() throws IOException {
        assertThat(Files.readString(Path.of(ComposeShape.PAYARA_DOCKERFILE)))
                .contains("ENTRYPOINT [\"/bin/sh\", \"/opt/issuetracker/app-entrypoint.sh\", \"/bin/sh\","
                        + " \"/opt/payara/entrypoint.sh\"]");
        ComposeShape.SCALED.resolved().instances().forEach((name, service) -> assertThat(arguments(service))
                .as(name)
                .startsWith("/bin/sh", "/opt/issuetracker/app-entrypoint.sh", "/bin/sh", "/opt/payara/entrypoint.sh"));
        ComposeShape.LIBERTY.resolved().instances().forEach((name, service) -> assertThat(arguments(service))
                .as(name + ": the image's entrypoint and CMD")
                .isEmpty());
    }

    @ParameterizedTest
    @EnumSource(
            value = ComposeShape.class,
            names = {"LIBERTY", "LIBERTY_SCALED"})
    void theLibertyInstancesAreCheckedWithCurlAndSendTheSessionCookieOnlyOverHttps(ComposeShape shape) {
        shape.resolved().instances().forEach((name, service) -> {
            assertThat(String.valueOf(service.get("healthcheck")))
                    .as(name + ": the Liberty image has curl, not wget")
                    .contains("curl -fsS -o /dev/null http://127.0.0.1:8080/health/ready")
                    .doesNotContain("wget");
            assertThat(environment(service).get("SESSION_COOKIE_SECURE"))
                    .as(name)
                    .isEqualTo("true");
            assertThat(environment(service).get("HTTP_HOST")).as(name).isEqualTo("*");
        });
    }

    @Test
    void eachTopologyShapeStartsItsServersAndItsOneShotJob() {
        assertThat(ComposeShape.REDIS_REPLICA.resolved().ofImage("redis")).containsOnlyKeys("redis", "redis-replica");
        assertThat(ComposeShape.REDIS_SENTINEL.resolved().ofImage("redis"))
                .containsOnlyKeys("redis", "redis-replica", "redis-sentinel-1", "redis-sentinel-2", "redis-sentinel-3");
        assertThat(ComposeShape.REDIS_CLUSTER.resolved().ofImage("redis"))
                .containsOnlyKeys(
                        "redis", "redis-node-2", "redis-node-3", "redis-node-4", "redis-node-5", "redis-node-6");
        assertThat(ComposeShape.REDIS_CLUSTER.resolved().oneShots()).containsOnlyKeys("redis-cluster-create");
        assertThat(ComposeShape.MONGO_REPLICA_SET.resolved().ofImage("mongo"))
                .containsOnlyKeys("mongo", "mongo-2", "mongo-3");
        assertThat(ComposeShape.MONGO_REPLICA_SET.resolved().oneShots()).containsOnlyKeys("mongo-replica-set-initiate");
        assertThat(ComposeShape.MONITORING.resolved().started())
                .containsKeys("prometheus", "alertmanager", "grafana", "otel-collector", "jaeger", "app");
    }

    /** The header of each shape's own file gives the command that runs it, with exactly the shape's files. */
    @ParameterizedTest
    @EnumSource(ComposeShape.class)
    void eachShapeSaysInItsHeaderHowToRunIt(ComposeShape shape) throws IOException {
        String header = Files.readAllLines(Path.of(shape.ownFile())).stream()
                .takeWhile(line -> line.startsWith("#"))
                .map(line -> line.substring(1).strip())
                .collect(java.util.stream.Collectors.joining(" "))
                .replace("\\ ", "");
        String files =
                shape.files().stream().map(file -> "-f " + file).collect(java.util.stream.Collectors.joining(" "));

        assertThat(header).as(shape.ownFile()).containsPattern("docker-compose " + Pattern.quote(files) + " up\\b");
    }

    @ParameterizedTest
    @EnumSource(
            value = ComposeShape.class,
            names = {"SINGLE", "SCALED", "LIBERTY", "LIBERTY_SCALED"})
    void everyInstancesMemoryLimitHoldsItsHeapAndWhatTheJvmUsesBesides(ComposeShape shape) {
        shape.resolved().instances().forEach((name, service) -> {
            String jvmArguments = String.valueOf(environment(service).get("JVM_ARGS"));
            Matcher heap = Pattern.compile("-Xmx(\\w+)").matcher(jvmArguments);

            assertThat(heap.find())
                    .as(name + "'s JVM_ARGS " + jvmArguments + " set -Xmx")
                    .isTrue();
            // measured under load at -Xmx512m, G1, full JIT: 320 MB committed outside the heap, RSS 65 MB above the
            // JVM's total (docs/kubernetes.md, "Sizing"), so 448 MB besides the heap
            assertThat(bytes(service.get("mem_limit")) - bytes(heap.group(1)))
                    .as(name + ": the memory limit less the heap")
                    .isGreaterThanOrEqualTo(448L * 1024 * 1024);
        });
    }

    @Test
    void redisMemoryLimitIsAboveItsMaxmemory() throws IOException {
        String commonConf = Files.readString(Path.of("server-config", "redis", "common.conf"));
        String maxmemory = Pattern.compile("(?m)^maxmemory\\s+(\\w+)")
                .matcher(commonConf)
                .results()
                .map(setting -> setting.group(1))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No maxmemory in common.conf"));

        assertThat(bytes(ComposeShape.SCALED.resolved().started().get("redis").get("mem_limit")))
                .isGreaterThan(bytes(maxmemory));
    }

    /** Every file git may hold under docker/ and server-config/ (docker/tls, docker/secrets and .env are ignored). */
    static List<Path> deploymentFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("docker", "server-config")) {
            try (Stream<Path> paths = Files.walk(Path.of(root))) {
                paths.filter(Files::isRegularFile)
                        .filter(path -> !path.startsWith(Path.of("docker", "tls"))
                                && !path.startsWith(Path.of("docker", "secrets"))
                                && !path.getFileName().toString().equals(".env"))
                        .forEach(files::add);
            }
        }
        return files;
    }

    @ParameterizedTest
    @MethodSource("deploymentFiles")
    void noDeploymentFileHoldsAPassword(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file).stream()
                .filter(line -> !line.strip().startsWith("#"))
                .filter(ComposeFilesIT::holdsAPassword)
                .toList();

        assertThat(lines).as(file.toString()).isEmpty();
    }

    @Test
    void theDeploymentFilesAreAllChecked() throws IOException {
        assertThat(deploymentFiles())
                .contains(
                        Path.of("docker", "docker-compose.redis-sentinel.yml"),
                        Path.of("docker", "redis-entrypoint.sh"),
                        Path.of("docker", "Dockerfile.liberty"),
                        Path.of("docker", "docker-compose.liberty-scaled.yml"),
                        Path.of("server-config", "redis", "common.conf"),
                        Path.of("server-config", "backup", "redis-backup.sh"))
                .hasSizeGreaterThan(40);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "      MONGO_INITDB_ROOT_PASSWORD: example | true",
                "      - REDIS_PASSWORD=secret | true",
                "      MONGODB_URI: mongodb://tracker:s3cret@mongo:27017 | true",
                "      REDIS_PASSWORD: ${REDIS_PASSWORD:-changeme} | true",
                "      REDIS_PASSWORD: ${REDIS_PASSWORD} | false",
                "  password: ${REDIS_PASSWORD:-null} | false",
                "  password: ${REDIS_PASSWORD:-nullable} | true",
                "      BOOTSTRAP_ADMIN_PASSWORD: ${BOOTSTRAP_ADMIN_PASSWORD:-} | false",
                "      REDIS_PASSWORD: ${REDIS_PASSWORD:?set it in the environment} | false",
                "      MONGODB_URI: mongodb://tracker:${MONGO_PASSWORD}@mongo:27017 | false",
                "      REDIS_PASSWORD: | false",
                "requirepass s3cret | true",
                "masterauth \"s3cret\" | true",
                "printf 'requirepass \"%s\"\\n' \"${password}\" | false",
                "      REDIS_PASSWORD_FILE: /run/secrets/redis_password | false",
                "      MONGO_INITDB_ROOT_PASSWORD_FILE: ./secrets/root | false",
                "password_file=${REDIS_PASSWORD_FILE:-/run/secrets/redis_password} | false",
                "password=$(cat \"${password_file}\") | false",
                "password=${1} | false",
                "    password=hunter2 | true",
                "printf '%s' \"${MONGODB_PASSWORD_FILE:?name the password file}\" | false",
                "if [[ -n ${REDIS_PASSWORD_FILE:-} ]]; then | false"
            })
    void thePasswordCheckTellsALiteralFromAVariable(String line, boolean literal) {
        assertThat(holdsAPassword(line)).as(line).isEqualTo(literal);
    }

    /** A password written into the line: one given to a key that names it, or in a URI, that is not a variable. */
    private static boolean holdsAPassword(String line) {
        return PASSWORD.matcher(line)
                .results()
                .map(ComposeFilesIT::passwordOf)
                .anyMatch(value -> !value.isEmpty() && !VARIABLE.matcher(value).matches());
    }

    private static String passwordOf(MatchResult match) {
        for (int group = 2; group <= match.groupCount(); group++) {
            if (match.group(group) != null) {
                return match.group(group);
            }
        }
        return "";
    }
}
