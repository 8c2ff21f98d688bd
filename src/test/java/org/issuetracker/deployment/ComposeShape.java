package org.issuetracker.deployment;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * A deployment shape: the compose files handed to docker-compose, in order, and what the application in it is
 * configured for. {@link #resolved()} is what Debian's docker-compose 1.29 makes of them ({@code config}, which needs
 * no Docker engine), resolved once per test run.
 */
enum ComposeShape {
    SINGLE("single", "docker/docker-compose.yml"),
    SCALED("single", "docker/docker-compose.yml", "docker/docker-compose.scaled.yml"),
    LIBERTY("single", "docker/docker-compose.yml", "docker/docker-compose.liberty.yml"),
    LIBERTY_SCALED("single", "docker/docker-compose.yml", "docker/docker-compose.liberty-scaled.yml"),
    REDIS_REPLICA("replicated", "docker/docker-compose.yml", "docker/docker-compose.redis-replica.yml"),
    REDIS_SENTINEL("sentinel", "docker/docker-compose.yml", "docker/docker-compose.redis-sentinel.yml"),
    REDIS_CLUSTER("cluster", "docker/docker-compose.yml", "docker/docker-compose.redis-cluster.yml"),
    MONGO_REPLICA_SET("single", "docker/docker-compose.yml", "docker/docker-compose.mongo-replica-set.yml"),
    MONITORING("single", "docker/docker-compose.yml", "docker/docker-compose.monitoring.yml");

    /** The application's images: Payara Micro's and OpenLiberty's. */
    static final String PAYARA_DOCKERFILE = "docker/Dockerfile";

    static final String LIBERTY_DOCKERFILE = "docker/Dockerfile.liberty";

    /** The label that marks a one-shot job (it runs once and exits; {@code restart: "no"}). */
    static final String ONE_SHOT_LABEL = "org.issuetracker.one-shot";

    private static final String DOCKER_COMPOSE = "/usr/bin/docker-compose";
    private static final Map<ComposeShape, Resolved> RESOLVED = new EnumMap<>(ComposeShape.class);

    private final String redisMode;
    private final List<String> files;

    ComposeShape(String redisMode, String... files) {
        this.redisMode = redisMode;
        this.files = List.of(files);
    }

    /** The redis.mode the application of this shape must be configured for. */
    String redisMode() {
        return redisMode;
    }

    List<String> files() {
        return files;
    }

    /** The shapes whose instances run on OpenLiberty (HTTP sessions in Redis, no server cluster). */
    boolean onLiberty() {
        return this == LIBERTY || this == LIBERTY_SCALED;
    }

    /** The last file: the one this shape adds (the base itself for the one-host shape). */
    String ownFile() {
        return files.get(files.size() - 1);
    }

    synchronized Resolved resolved() {
        return RESOLVED.computeIfAbsent(this, ComposeShape::resolve);
    }

    /** {@code docker-compose -f ... config} from the repository root, and the YAML it printed. */
    @SuppressWarnings("unchecked")
    private static Resolved resolve(ComposeShape shape) {
        List<String> command = new ArrayList<>(List.of(DOCKER_COMPOSE));
        shape.files.forEach(file -> command.addAll(List.of("-f", file)));
        command.add("config");
        try {
            Path errors = Files.createTempFile("docker-compose-config", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
                // COMPOSE_FILE, COMPOSE_PROFILES and the like would change what is resolved; so would the variables
                // the files read (the shapes must resolve with none of them set)
                builder.environment()
                        .keySet()
                        .removeIf(name -> name.startsWith("COMPOSE_")
                                || name.startsWith("REDIS_")
                                || name.startsWith("MONGO")
                                || name.equals("BOOTSTRAP_ADMIN_PASSWORD"));
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
    record Resolved(Map<String, Map<String, Object>> services) {

        /** The services {@code up} starts: those without a profile (a profile's start only when it is asked for). */
        Map<String, Map<String, Object>> started() {
            Map<String, Map<String, Object>> started = new LinkedHashMap<>(services);
            started.values().removeIf(service -> service.containsKey("profiles"));
            return started;
        }

        /** The started services that keep running: all but the one-shot jobs. */
        Map<String, Map<String, Object>> longRunning() {
            Map<String, Map<String, Object>> running = started();
            running.values().removeIf(ComposeShape::isOneShot);
            return running;
        }

        /** The one-shot jobs: marked with {@link #ONE_SHOT_LABEL}. */
        Map<String, Map<String, Object>> oneShots() {
            Map<String, Map<String, Object>> jobs = started();
            jobs.values().removeIf(service -> !isOneShot(service));
            return jobs;
        }

        /** The application's instances: the started services built from one of the application's Dockerfiles. */
        Map<String, Map<String, Object>> instances() {
            Map<String, Map<String, Object>> instances = started();
            instances.values().removeIf(service -> !List.of(PAYARA_DOCKERFILE, LIBERTY_DOCKERFILE)
                    .contains(dockerfile(service)));
            return instances;
        }

        /** The started services of an image, e.g. "redis" for redis:7. */
        Map<String, Map<String, Object>> ofImage(String image) {
            Map<String, Map<String, Object>> services = longRunning();
            services.values()
                    .removeIf(service -> !String.valueOf(service.get("image")).startsWith(image + ":"));
            return services;
        }
    }

    /** The Dockerfile a service is built from ("" for a service of an image). */
    static String dockerfile(Map<String, Object> service) {
        return service.get("build") instanceof Map<?, ?> build ? String.valueOf(build.get("dockerfile")) : "";
    }

    static boolean isOneShot(Map<String, Object> service) {
        Object labels = service.get("labels");
        if (labels instanceof Map<?, ?> map) {
            return "true".equals(String.valueOf(map.get(ONE_SHOT_LABEL)));
        }
        return list(labels).contains(ONE_SHOT_LABEL + "=true");
    }

    /** A port a service publishes on the host: on which host address ("" for all) and which port ("" for any). */
    record PublishedPort(String service, String hostIp, String published) {

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

    static List<PublishedPort> publishedPorts(Map<String, Map<String, Object>> services) {
        List<PublishedPort> ports = new ArrayList<>();
        services.forEach(
                (name, service) -> list(service.get("ports")).forEach(port -> ports.add(PublishedPort.of(name, port))));
        return ports;
    }

    /**
     * What a container is started with: the entrypoint and the command. (Without an entrypoint, the image's runs the
     * command; an entrypoint drops the image's CMD, so neither adds anything the service does not say.)
     */
    static List<String> arguments(Map<String, Object> service) {
        List<String> arguments = new ArrayList<>(words(service.get("entrypoint")));
        arguments.addAll(words(service.get("command")));
        return arguments;
    }

    /** The value that follows an option; fails if the option is not there. */
    static String optionValue(List<String> arguments, String option) {
        int index = arguments.indexOf(option);
        assertThat(index).as(option + " with a value in " + arguments).isBetween(0, arguments.size() - 2);
        return arguments.get(index + 1);
    }

    static Map<?, ?> environment(Map<String, Object> service) {
        assertThat(service.get("environment")).as("environment, as a map").isInstanceOf(Map.class);
        return (Map<?, ?>) service.get("environment");
    }

    /** The names of the secrets a service mounts (short or long syntax). */
    static List<String> secrets(Map<String, Object> service) {
        return list(service.get("secrets")).stream()
                .map(secret ->
                        secret instanceof Map<?, ?> map ? String.valueOf(map.get("source")) : String.valueOf(secret))
                .toList();
    }

    /** A size such as 768m, 1g or Redis' 512mb (all in units of 1024), or a number of bytes. */
    static long bytes(Object size) {
        Matcher matcher = Pattern.compile("(?i)(\\d+)([kmg]?)b?")
                .matcher(String.valueOf(size).trim());
        assertThat(matcher.matches()).as("a size: " + size).isTrue();
        String unit = matcher.group(2).toLowerCase();
        int shift = unit.isEmpty() ? 0 : "kmg".indexOf(unit) + 1;
        return Long.parseLong(matcher.group(1)) << (10 * shift);
    }

    static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    static List<String> words(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value).trim().split("\\s+"));
    }
}
