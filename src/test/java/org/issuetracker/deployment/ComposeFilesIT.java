package org.issuetracker.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose files under docker/ as Debian's docker-compose 1.29 resolves them ({@code config}, which needs no Docker
 * engine): the production shape on one host (docker-compose.yml alone) and the scaled one (with
 * docker-compose.scaled.yml). What a typo or a forgotten line would break without any build noticing: the health
 * checks, what is reachable from outside the host, that the instances form one cluster, the restart policies and
 * memory limits, and that no password is written into the files. An integration test only because docker-compose is
 * installed before the integration tests.
 */
class ComposeFilesIT {

    private static final String DOCKER_COMPOSE = "/usr/bin/docker-compose";

    /** A deployment shape: the compose files handed to docker-compose, in order. */
    enum Shape {
        SINGLE("docker/docker-compose.yml"),
        SCALED("docker/docker-compose.yml", "docker/docker-compose.scaled.yml");

        private final List<String> files;

        Shape(String... files) {
            this.files = List.of(files);
        }
    }

    private static final Map<Shape, Resolved> RESOLVED = new EnumMap<>(Shape.class);

    /**
     * A password in a line: the value given to a key that names one (up to a quote, a space or a comment; group 2),
     * or the password of a URI's user information, {@code mongodb://user:password@host} (group 3).
     */
    private static final Pattern PASSWORD =
            Pattern.compile("(?i)[\\w.-]*(password|passwd)[\\w.-]*\\s*[:=]\\s*['\"]?(\\$\\{[^}]*}|[^'\"\\s#]*)"
                    + "|\\w+://[^\\s/:@]+:([^\\s/@]+)@");
    /** What may stand for a password: a variable of the environment that starts compose, with no default. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\w+(:?\\?[^}]*|:?-)?}");

    @ParameterizedTest
    @EnumSource(Shape.class)
    void everyServiceHasAHealthCheck(Shape shape) {
        resolved(shape).services().forEach((name, service) -> assertThat(service.get("healthcheck"))
                .as(name + "'s healthcheck")
                .asInstanceOf(MAP)
                .containsKey("test")
                .doesNotContainEntry("disable", true));
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void onlyTheLoadBalancersHttpAndHttpsPortsArePublishedOnAllInterfaces(Shape shape) {
        assertThat(publishedPorts(resolved(shape).services()).stream()
                        .filter(PublishedPort::onAllInterfaces)
                        .map(PublishedPort::name))
                .isSubsetOf("nginx:80", "nginx:443");
    }

    @Test
    void theSingleShapeStartsOneApplicationAndTheScaledShapeThreeBehindNginx() {
        assertThat(resolved(Shape.SINGLE).started()).containsOnlyKeys("mongo", "redis", "app");
        assertThat(resolved(Shape.SCALED).started())
                .containsOnlyKeys("mongo", "redis", "app-1", "app-2", "app-3", "nginx");
        assertThat(resolved(Shape.SCALED).instances()).containsOnlyKeys("app-1", "app-2", "app-3");
    }

    @Test
    void inTheScaledShapeOnlyNginxPublishesPortsHttpAndHttps() {
        assertThat(publishedPorts(resolved(Shape.SCALED).started()).stream().map(PublishedPort::name))
                .containsExactlyInAnyOrder("nginx:80", "nginx:443");
    }

    @Test
    void everyInstanceIsNamedAfterItsServiceInOneClusterThatListsEveryInstance() {
        Map<String, Map<String, Object>> instances = resolved(Shape.SCALED).instances();
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
        resolved(Shape.SCALED).instances().forEach((name, service) -> {
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
        resolved(Shape.SCALED).instances().forEach((name, service) -> {
            assertThat(environment(service).get("JVM_ARGS").toString()).as(name).contains("-DjvmRoute=" + name);
            String upstream = "issuetracker_" + name.replace('-', '_');
            assertThat(nginxConf)
                    .as(name + "'s sessions are routed to it")
                    .contains("~\\." + name + "$ " + upstream + ";")
                    .contains("upstream " + upstream + " {");
        });
    }

    @Test
    void theLoadBalancerSpreadsTheRequestsOverEveryInstance() throws IOException {
        String nginxConf = Files.readString(Path.of("server-config", "nginx", "nginx.conf"));
        List<String> upstreams = Pattern.compile("(?m)^\\s*server\\s+([\\w.-]+):8080\\b")
                .matcher(nginxConf)
                .results()
                .map(server -> server.group(1))
                .distinct()
                .toList();

        assertThat(upstreams)
                .containsExactlyInAnyOrderElementsOf(
                        resolved(Shape.SCALED).instances().keySet());
    }

    @Test
    void everyServiceOfTheScaledShapeRestartsUnlessStoppedAndHasAMemoryLimit() {
        resolved(Shape.SCALED).started().forEach((name, service) -> assertThat(service)
                .as(name)
                .containsEntry("restart", "unless-stopped")
                .containsKey("mem_limit"));
    }

    @Test
    void everyInstancesHeapLeavesAQuarterOfItsMemoryLimitToTheRestOfTheJvm() {
        resolved(Shape.SCALED).instances().forEach((name, service) -> {
            String jvmArguments = String.valueOf(environment(service).get("JVM_ARGS"));
            Matcher heap = Pattern.compile("-Xmx(\\w+)").matcher(jvmArguments);

            assertThat(heap.find())
                    .as(name + "'s JVM_ARGS " + jvmArguments + " set -Xmx")
                    .isTrue();
            assertThat(bytes(heap.group(1))).as(name).isLessThanOrEqualTo(bytes(service.get("mem_limit")) * 3 / 4);
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

        assertThat(bytes(resolved(Shape.SCALED).started().get("redis").get("mem_limit")))
                .isGreaterThan(bytes(maxmemory));
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker/docker-compose.yml", "docker/docker-compose.scaled.yml"})
    void noComposeFileHoldsAPassword(String file) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(file)).stream()
                .filter(line -> !line.strip().startsWith("#"))
                .filter(ComposeFilesIT::holdsAPassword)
                .toList();

        assertThat(lines).as(file).isEmpty();
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
                "      BOOTSTRAP_ADMIN_PASSWORD: ${BOOTSTRAP_ADMIN_PASSWORD:-} | false",
                "      REDIS_PASSWORD: ${REDIS_PASSWORD:?set it in the environment} | false",
                "      MONGODB_URI: mongodb://tracker:${MONGO_PASSWORD}@mongo:27017 | false",
                "      REDIS_PASSWORD: | false"
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
        return Objects.requireNonNullElse(match.group(2) != null ? match.group(2) : match.group(3), "");
    }

    private static synchronized Resolved resolved(Shape shape) {
        return RESOLVED.computeIfAbsent(shape, ComposeFilesIT::resolve);
    }

    /** {@code docker-compose -f ... config} from the repository root, and the YAML it printed. */
    @SuppressWarnings("unchecked")
    private static Resolved resolve(Shape shape) {
        List<String> command = new ArrayList<>(List.of(DOCKER_COMPOSE));
        shape.files.forEach(file -> command.addAll(List.of("-f", file)));
        command.add("config");
        try {
            Path errors = Files.createTempFile("docker-compose-config", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
                // COMPOSE_FILE, COMPOSE_PROFILES and the like would change what is resolved
                builder.environment().keySet().removeIf(name -> name.startsWith("COMPOSE_"));
                Process process = builder.start();
                process.getOutputStream().close();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not end in 60 s");
                }
                assertThat(process.exitValue())
                        .as("%s failed:%n%s", String.join(" ", command), Files.readString(errors))
                        .isZero();
                Map<String, Object> config = new Yaml().load(output);
                return new Resolved((Map<String, Map<String, Object>>) config.get("services"));
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What docker-compose resolved: each service by name, as the YAML it printed. */
    private record Resolved(Map<String, Map<String, Object>> services) {

        /** The services {@code up} starts: those without a profile (a profile's start only when it is asked for). */
        Map<String, Map<String, Object>> started() {
            Map<String, Map<String, Object>> started = new LinkedHashMap<>(services);
            started.values().removeIf(service -> service.containsKey("profiles"));
            return started;
        }

        /** The application's instances: the started services built from the application's Dockerfile. */
        Map<String, Map<String, Object>> instances() {
            Map<String, Map<String, Object>> instances = started();
            instances
                    .values()
                    .removeIf(service -> !(service.get("build") instanceof Map<?, ?> build
                            && "docker/Dockerfile".equals(build.get("dockerfile"))));
            return instances;
        }
    }

    /** A port a service publishes on the host: on which host address ("" for all) and which port ("" for any). */
    private record PublishedPort(String service, String hostIp, String published) {

        /** From the short syntax {@code [[host_ip:]published:]target[/protocol]} or the long one (a map). */
        static PublishedPort of(String service, Object port) {
            if (port instanceof Map<?, ?> map) {
                return new PublishedPort(
                        service, Objects.toString(map.get("host_ip"), ""), Objects.toString(map.get("published"), ""));
            }
            String[] parts = String.valueOf(port).replaceFirst("/\\w+$", "").split(":");
            String published = parts.length >= 2 ? parts[parts.length - 2] : "";
            String hostIp = parts.length >= 3 ? String.join(":", Arrays.copyOf(parts, parts.length - 2)) : "";
            return new PublishedPort(service, hostIp, published);
        }

        boolean onAllInterfaces() {
            return List.of("", "0.0.0.0", "::", "[::]").contains(hostIp);
        }

        /** {@code service:published}, e.g. nginx:443. */
        String name() {
            return service + ":" + published;
        }
    }

    private static List<PublishedPort> publishedPorts(Map<String, Map<String, Object>> services) {
        List<PublishedPort> ports = new ArrayList<>();
        services.forEach(
                (name, service) -> list(service.get("ports")).forEach(port -> ports.add(PublishedPort.of(name, port))));
        return ports;
    }

    /**
     * What Payara Micro is started with: the entrypoint and the command. (Without an entrypoint, the image's runs the
     * command; an entrypoint drops the image's CMD, so neither adds anything the service does not say.)
     */
    private static List<String> arguments(Map<String, Object> service) {
        List<String> arguments = new ArrayList<>(words(service.get("entrypoint")));
        arguments.addAll(words(service.get("command")));
        return arguments;
    }

    /** The value that follows an option; fails if the option is not there. */
    private static String optionValue(List<String> arguments, String option) {
        int index = arguments.indexOf(option);
        assertThat(index).as(option + " with a value in " + arguments).isBetween(0, arguments.size() - 2);
        return arguments.get(index + 1);
    }

    private static Map<?, ?> environment(Map<String, Object> service) {
        assertThat(service.get("environment")).as("environment, as a map").isInstanceOf(Map.class);
        return (Map<?, ?>) service.get("environment");
    }

    /** A size such as 768m, 1g or Redis' 512mb (all in units of 1024), or a number of bytes. */
    private static long bytes(Object size) {
        Matcher matcher = Pattern.compile("(?i)(\\d+)([kmg]?)b?")
                .matcher(String.valueOf(size).trim());
        assertThat(matcher.matches()).as("a size: " + size).isTrue();
        String unit = matcher.group(2).toLowerCase();
        int shift = unit.isEmpty() ? 0 : "kmg".indexOf(unit) + 1;
        return Long.parseLong(matcher.group(1)) << (10 * shift);
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    private static List<String> words(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value).trim().split("\\s+"));
    }
}
