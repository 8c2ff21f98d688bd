package org.issuetracker.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.issuetracker.deployment.KubernetesChart.at;
import static org.issuetracker.deployment.KubernetesChart.list;
import static org.issuetracker.deployment.KubernetesChart.map;

import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.issuetracker.deployment.KubernetesChart.Rendered;
import org.issuetracker.deployment.KubernetesChart.Values;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Helm chart of {@code server-config/kubernetes/}, rendered by Helm for each server and for the example values,
 * checked without a cluster: against the Kubernetes API's schemas (both validators of {@link KubernetesSchemas}),
 * then for what the schemas cannot know: probes on the three health endpoints with timings that fit the measured
 * boot and the health checks' own timeouts, pinned images, limits, no secret in plain text, Payara's discovery
 * wiring, selectors that select the pods.
 */
class KubernetesManifestsIT {

    /**
     * The slowest boot to {@code /health/started} measured with one core and the production JVM options: OpenLiberty,
     * 106.6 s (docs/kubernetes.md, "Sizing"). The start-up probe's budget must cover it twice.
     */
    private static final Duration SLOWEST_MEASURED_BOOT = Duration.ofMillis(106_600);

    /** SIGTERM to exit, the slowest measured: an OpenLiberty cluster member under load, 13.6 s */
    private static final Duration SLOWEST_MEASURED_SHUTDOWN = Duration.ofMillis(13_600);

    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|CREDENTIAL|_KEY|_KEYS)$");

    static Stream<Values> variants() {
        Values liberty = Values.defaults()
                .named("OpenLiberty, the chart's defaults")
                .with("server", "liberty")
                .with("image.repository", "registry.example.com/issuetracker/liberty");
        return Stream.of(
                Values.defaults().named("Payara Micro, the chart's defaults"),
                liberty,
                Values.defaults().named("examples/payara.yaml").file("server-config/kubernetes/examples/payara.yaml"),
                Values.defaults().named("examples/liberty.yaml").file("server-config/kubernetes/examples/liberty.yaml"),
                // the options the others leave off: no autoscaler, no TLS trust store, the Redis Cluster, a digest
                Values.defaults()
                        .named("Payara, fixed replicas, Redis Cluster, pinned digest, no trust store, no Ingress")
                        .with("autoscaling.enabled", false)
                        .with("replicas", 4)
                        .with("redis.mode", "cluster")
                        .with("redis.addresses", "redis://r-0.r:6379,redis://r-1.r:6379,redis://r-2.r:6379")
                        .with("image.digest", "sha256:" + "0123456789abcdef".repeat(4))
                        .with("secrets.truststore.name", "")
                        .with("secrets.redis.name", "")
                        .with("ingress.enabled", false)
                        .with("networkPolicy.protectDatabases", false));
    }

    @Test
    void theChartPassesHelmLintStrict() {
        LintResult lint = KubernetesChart.lint();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
        assertThat(lint.getMessages()).as("nothing above INFO").allSatisfy(message -> assertThat(message)
                .startsWith("[INFO]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyObjectMatchesTheKubernetesSchemas(Values values) {
        Rendered rendered = KubernetesChart.render(values);

        List<KubernetesSchemas.Finding> findings = KubernetesSchemas.schemaErrors(rendered.objects());

        assertThat(findings).hasSize(rendered.objects().size());
        assertThat(findings.stream().filter(f -> !f.errors().isEmpty()))
                .as(rendered.yaml())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void noObjectHasAFieldTheKubernetesApiDoesNotDefine(Values values) {
        Rendered rendered = KubernetesChart.render(values);

        List<KubernetesSchemas.Finding> findings = KubernetesSchemas.unknownFields(rendered.objects());

        assertThat(findings).as("every built-in object is checked").hasSize((int) rendered.objects().stream()
                .filter(o ->
                        KubernetesSchemas.modelClass(String.valueOf(o.get("apiVersion")), String.valueOf(o.get("kind")))
                                != null)
                .count());
        assertThat(findings.stream().filter(f -> !f.errors().isEmpty()))
                .as(rendered.yaml())
                .isEmpty();
    }

    /** Both validators find what they are there for: without this, an empty report could mean a blind validator */
    @Test
    void theValidatorsRefuseABrokenDeployment() {
        Rendered rendered = KubernetesChart.render(Values.defaults());
        Map<String, Object> misspelt = copyOf(rendered.one("Deployment"));
        Map<String, Object> container =
                map(list(at(misspelt, "spec", "template", "spec", "containers")).get(0));
        container.put("readinessprobe", container.remove("readinessProbe"));
        Map<String, Object> mistyped = copyOf(rendered.one("Deployment"));
        map(mistyped.get("spec")).put("replicas", "three");
        Map<String, Object> unknownKind = Map.of("apiVersion", "apps/v1", "kind", "Deploymnet", "metadata", Map.of());

        assertThat(KubernetesSchemas.unknownFields(List.of(misspelt)).get(0).errors())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("readinessprobe");
        assertThat(KubernetesSchemas.schemaErrors(List.of(mistyped, unknownKind)))
                .extracting(f -> String.join(" ", f.errors()))
                .satisfiesExactly(
                        errors -> assertThat(errors).contains("replicas must be integer"),
                        errors -> assertThat(errors).contains("no schema").contains("Deploymnet"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void theProbesAskTheThreeHealthEndpoints(Values values) {
        Map<String, Object> container = KubernetesChart.render(values).container();

        assertThat(at(container, "startupProbe", "httpGet", "path")).isEqualTo("/health/started");
        assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/health/ready");
        assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/health/live");
        assertThat(Stream.of("startupProbe", "readinessProbe", "livenessProbe")
                        .map(probe -> at(container, probe, "httpGet", "port")))
                .containsOnly("http");
        assertThat(list(container.get("ports"))).anySatisfy(port -> assertThat(port)
                .isEqualTo(Map.of("name", "http", "containerPort", 8080, "protocol", "TCP")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void theProbeTimingsFitTheMeasuredBootAndTheHealthChecksTimeouts(Values values) {
        Rendered rendered = KubernetesChart.render(values);
        Map<String, Object> container = rendered.container();
        Duration mongoCheckTimeout = Duration.parse(applicationSetting("health.mongodb.timeout"));
        Duration redisCheckTimeout = Duration.parse(applicationSetting("health.redis.timeout"));

        assertThat(budget(container, "startupProbe"))
                .as("start-up budget against twice the slowest measured boot")
                .isGreaterThanOrEqualTo(SLOWEST_MEASURED_BOOT.multipliedBy(2));
        // the server runs the checks one after the other: a probe may wait for both dependencies' timeouts
        Duration bothChecks = mongoCheckTimeout.plus(redisCheckTimeout);
        assertThat(Duration.ofSeconds(number(container, "readinessProbe", "timeoutSeconds")))
                .as("readiness may wait for MongoDB's check and then Redis's")
                .isGreaterThan(bothChecks);
        assertThat(Duration.ofSeconds(number(container, "startupProbe", "timeoutSeconds")))
                .isGreaterThan(bothChecks);
        assertThat(budget(container, "livenessProbe"))
                .as("a pause of a few seconds (GC, a stalled disk) must not restart the pod")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(20));
        assertThat(Stream.of("startupProbe", "readinessProbe", "livenessProbe").map(probe -> map(container.get(probe))))
                .as("no fixed initial delay: the start-up probe holds the others back for as long as the boot takes")
                .allSatisfy(probe -> assertThat(probe).doesNotContainKey("initialDelaySeconds"));

        int preStop = rendered.preStopSeconds();
        int grace = rendered.gracePeriodSeconds();
        assertThat(preStop)
                .as("time for the endpoints and the ingress to forget the pod")
                .isGreaterThanOrEqualTo(5);
        assertThat(Duration.ofSeconds(grace - preStop))
                .as("after preStop, time for the slowest measured shutdown twice over")
                .isGreaterThanOrEqualTo(SLOWEST_MEASURED_SHUTDOWN.multipliedBy(2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyImageIsPinnedAndEveryContainerHasRequestsAndLimits(Values values) {
        Rendered rendered = KubernetesChart.render(values);
        List<Map<String, Object>> containers = new ArrayList<>();
        for (String field : List.of("initContainers", "containers")) {
            list(rendered.podSpec().get(field)).forEach(c -> containers.add(map(c)));
        }

        assertThat(containers).isNotEmpty().allSatisfy(container -> {
            String image = String.valueOf(container.get("image"));
            assertThat(image)
                    .as("a tag or a digest, never latest")
                    .matches(".+(:[\\w][\\w.-]{0,127}|@sha256:[0-9a-f]{64})")
                    .doesNotEndWith(":latest");
            for (String resource : List.of("cpu", "memory")) {
                assertThat(at(container, "resources", "limits", resource))
                        .as("limits." + resource)
                        .isNotNull();
                assertThat(at(container, "resources", "requests", resource))
                        .as("requests." + resource)
                        .isNotNull();
            }
            assertThat(at(container, "securityContext", "allowPrivilegeEscalation"))
                    .isEqualTo(false);
            assertThat(list(at(container, "securityContext", "capabilities", "drop")))
                    .containsExactly("ALL");
        });
        assertThat(at(rendered.podSpec(), "securityContext", "runAsNonRoot")).isEqualTo(true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void noSecretIsWrittenInPlainText(Values values) {
        Rendered rendered = KubernetesChart.render(values);

        assertThat(rendered.ofKind("Secret"))
                .as("the chart reads existing Secrets only")
                .isEmpty();
        assertThat(map(rendered.one("ConfigMap").get("data")).keySet())
                .noneMatch(key -> SECRET_NAME.matcher(key).matches());
        List<Object> env = list(rendered.container().get("env"));
        assertThat(env).allSatisfy(variable -> {
            String name = String.valueOf(at(variable, "name"));
            if (SECRET_NAME.matcher(name).matches()) {
                throw new AssertionError(name + " is given in the pod's spec: " + variable);
            }
        });
        // each secret the images read is a file of a mounted Secret
        List<String> mounts = list(rendered.container().get("volumeMounts")).stream()
                .map(mount -> String.valueOf(at(mount, "mountPath")))
                .toList();
        assertThat(env.stream().map(KubernetesChart::map).filter(v -> String.valueOf(v.get("name"))
                        .endsWith("_FILE")))
                .allSatisfy(v -> assertThat(mounts)
                        .as(v.get("name") + "'s file is in a mounted Secret")
                        .anyMatch(mount -> String.valueOf(v.get("value")).startsWith(mount + "/")));
    }

    @Test
    void helmRefusesValuesThatWouldBreakTheseRules() {
        assertThat(KubernetesChart.refusal(Values.defaults().with("config.MONGODB_PASSWORD", "hunter2")))
                .contains("config.MONGODB_PASSWORD looks like a secret");
        assertThat(KubernetesChart.refusal(Values.defaults().with("image.tag", "latest")))
                .contains("image.tag latest");
        assertThat(KubernetesChart.refusal(Values.defaults().with("server", "tomcat")))
                .contains("/server", "payara", "liberty");
        assertThat(KubernetesChart.refusal(
                        Values.defaults().with("mongodb.uri", "mongodb://issuetracker:hunter2@mongo:27017")))
                .contains("/mongodb/uri");
        assertThat(KubernetesChart.refusal(
                        Values.defaults().with("server", "liberty").with("redis.address", "")))
                .contains("redis.address");
        assertThat(KubernetesChart.refusal(
                        Values.defaults().with("autoscaling.minReplicas", 5).with("autoscaling.maxReplicas", 3)))
                .contains("maxReplicas");
        assertThat(KubernetesChart.refusal(Values.defaults().with("config.REDIS_MODE", "cluster")))
                .contains("config.REDIS_MODE is written by the chart");
        assertThat(KubernetesChart.refusal(Values.defaults().with("config.DB_PASSWD", "hunter2")))
                .contains("config.DB_PASSWD looks like a secret");
        assertThat(KubernetesChart.refusal(
                        Values.defaults().with("jvm.extraOptions", "-Djavax.net.ssl.trustStorePassword=hunter2")))
                .contains("jvm.extraOptions");
    }

    /** Prometheus scrapes each pod; through the Ingress or the Gateway /metrics must not reach one */
    @Test
    void thePublicRoutesKeepMetricsOffAndGiveTheSlowPathsTheirTimeout() {
        Rendered rendered = KubernetesChart.render(
                Values.defaults().with("gateway.enabled", true).with("gateway.parentName", "intranet"));
        String release = String.valueOf(at(rendered.one("Deployment"), "metadata", "name"));
        String denied = "nginx.ingress.kubernetes.io/denylist-source-range";
        String readTimeout = "nginx.ingress.kubernetes.io/proxy-read-timeout";

        Map<String, Object> metrics = rendered.named("Ingress", release + "-metrics");
        assertThat(at(metrics, "metadata", "annotations", denied)).isEqualTo("0.0.0.0/0,::/0");
        assertThat(paths(metrics)).containsExactly("/metrics");
        assertThat(at(rendered.named("Ingress", release), "metadata", "annotations", readTimeout))
                .isEqualTo("5");
        Map<String, Object> slow = rendered.named("Ingress", release + "-slow");
        assertThat(paths(slow)).containsExactlyInAnyOrder("/api/issues.csv", "/api/reports");
        assertThat(at(slow, "metadata", "annotations", readTimeout)).isEqualTo("30");
        assertThat(rendered.ofKind("Ingress").stream()
                        .filter(ingress -> at(ingress, "metadata", "annotations", denied) == null)
                        .flatMap(ingress -> paths(ingress).stream()))
                .as("no open Ingress path is /metrics or below it")
                .isNotEmpty()
                .noneMatch(path -> path.startsWith("/metrics"));

        List<Object> rules = list(at(rendered.one("HTTPRoute"), "spec", "rules"));
        assertThat(rules)
                .filteredOn(rule -> list(at(rule, "matches")).stream()
                        .anyMatch(match -> "/metrics".equals(at(match, "path", "value"))))
                .singleElement()
                .satisfies(rule ->
                        assertThat(map(rule)).as("no backend: never forwarded").doesNotContainKey("backendRefs"));
    }

    private static List<String> paths(Map<String, Object> ingress) {
        return list(at(ingress, "spec", "rules")).stream()
                .flatMap(rule -> list(at(rule, "http", "paths")).stream())
                .map(path -> String.valueOf(at(path, "path")))
                .toList();
    }

    @Test
    void payaraPodsFindEachOtherThroughTheApiWithReadOnlyRights() {
        Rendered rendered = KubernetesChart.render(Values.defaults());
        List<Object> args = list(rendered.container().get("args"));
        String clusterMode = String.valueOf(args.get(args.indexOf("--clustermode") + 1));
        String port = String.valueOf(args.get(args.indexOf("--startport") + 1));
        String membersService = clusterMode.substring(clusterMode.indexOf(',') + 1);

        assertThat(clusterMode).startsWith("kubernetes:$(POD_NAMESPACE),");
        String jvm = String.valueOf(rendered.env("JVM_ARGS"));
        assertThat(jvm)
                .as("on SIGTERM a member hands its sessions over, within what the grace period leaves after preStop")
                .contains(
                        "-Dhazelcast.shutdownhook.policy=GRACEFUL",
                        "-Dhazelcast.graceful.shutdown.max.wait=30",
                        "-XX:+UseG1GC");
        assertThat(rendered.gracePeriodSeconds() - rendered.preStopSeconds())
                .as("the grace period after preStop leaves Hazelcast its 30 s to hand over")
                .isGreaterThanOrEqualTo(30);
        assertThat(args).doesNotContain("--nocluster").contains("--name", "$(POD_NAME)");
        Map<String, Object> members = rendered.named("Service", membersService);
        assertThat(at(members, "spec", "clusterIP")).isEqualTo("None");
        assertThat(at(members, "spec", "publishNotReadyAddresses"))
                .as("a booting member is found before it is ready")
                .isEqualTo(true);
        assertThat(at(members, "spec", "selector")).isEqualTo(podLabelsSelectedBy(rendered));
        assertThat(list(at(members, "spec", "ports")))
                .singleElement()
                .satisfies(p -> assertThat(String.valueOf(at(p, "port"))).isEqualTo(port));
        assertThat(list(rendered.container().get("ports")))
                .as("the port the members' Service and the NetworkPolicy name is the one Hazelcast listens on")
                .contains(Map.of("name", "hazelcast", "containerPort", Integer.parseInt(port), "protocol", "TCP"));

        String serviceAccount = String.valueOf(rendered.podSpec().get("serviceAccountName"));
        assertThat(rendered.podSpec().get("automountServiceAccountToken")).isEqualTo(true);
        Map<String, Object> binding = rendered.one("RoleBinding");
        assertThat(list(binding.get("subjects")))
                .singleElement()
                .isEqualTo(Map.of(
                        "kind", "ServiceAccount", "name", serviceAccount, "namespace", KubernetesChart.NAMESPACE));
        Map<String, Object> role = rendered.named("Role", String.valueOf(at(binding, "roleRef", "name")));
        // what Hazelcast's discovery by service name asks for: the EndpointSlices (list, by the Service's label), the
        // Service's Endpoints where there are no EndpointSlices, its own pod; read only, nothing more
        assertThat(list(role.get("rules")))
                .containsExactlyInAnyOrder(
                        Map.of(
                                "apiGroups",
                                List.of("discovery.k8s.io"),
                                "resources",
                                List.of("endpointslices"),
                                "verbs",
                                List.of("list")),
                        Map.of(
                                "apiGroups", List.of(""),
                                "resources", List.of("endpoints"),
                                "resourceNames", List.of(membersService),
                                "verbs", List.of("get")),
                        Map.of("apiGroups", List.of(""), "resources", List.of("pods"), "verbs", List.of("get")));
        assertThat(rendered.ofKind("ClusterRole"))
                .as("nothing outside the namespace")
                .isEmpty();
    }

    @Test
    void libertyPodsKeepTheirSessionsInRedisAndNeverTalkToTheApi() {
        Rendered rendered =
                KubernetesChart.render(Values.defaults().file("server-config/kubernetes/examples/liberty.yaml"));
        Map<String, Object> config = map(rendered.one("ConfigMap").get("data"));

        assertThat(rendered.podSpec().get("automountServiceAccountToken")).isEqualTo(false);
        assertThat(rendered.ofKind("Role")).isEmpty();
        assertThat(rendered.ofKind("RoleBinding")).isEmpty();
        assertThat(rendered.container()).doesNotContainKey("args");
        assertThat(list(rendered.container().get("ports"))).hasSize(1);
        assertThat(String.valueOf(config.get("REDIS_ADDRESS"))).startsWith("rediss://");
        assertThat(config).containsEntry("HTTP_HOST", "*").containsEntry("SESSION_COOKIE_SECURE", "true");
        assertThat(config.get("REDIS_TLS_TRUSTSTORE_URL")).isEqualTo("file:" + config.get("REDIS_TLS_TRUSTSTORE"));
        assertThat(rendered.ofKind("Service")).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everySelectorSelectsTheApplicationsPods(Values values) {
        Rendered rendered = KubernetesChart.render(values);
        Map<String, Object> selector = podLabelsSelectedBy(rendered);
        Map<String, Object> podLabels = map(at(rendered.one("Deployment"), "spec", "template", "metadata", "labels"));
        String deployment = String.valueOf(at(rendered.one("Deployment"), "metadata", "name"));

        assertThat(podLabels).containsAllEntriesOf(selector);
        rendered.ofKind("Service").forEach(service -> assertThat(at(service, "spec", "selector"))
                .as("Service " + at(service, "metadata", "name"))
                .isEqualTo(selector));
        rendered.ofKind("PodDisruptionBudget").forEach(pdb -> assertThat(at(pdb, "spec", "selector", "matchLabels"))
                .isEqualTo(selector));
        rendered.ofKind("HorizontalPodAutoscaler").forEach(hpa -> assertThat(at(hpa, "spec", "scaleTargetRef"))
                .isEqualTo(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", deployment)));
        list(rendered.podSpec().get("topologySpreadConstraints"))
                .forEach(constraint -> assertThat(at(constraint, "labelSelector", "matchLabels"))
                        .isEqualTo(selector));
        rendered.ofKind("ServiceMonitor").forEach(monitor -> {
            Map<String, Object> wanted = map(at(monitor, "spec", "selector", "matchLabels"));
            assertThat(rendered.ofKind("Service").stream()
                            .filter(s ->
                                    map(at(s, "metadata", "labels")).entrySet().containsAll(wanted.entrySet())))
                    .as("the ServiceMonitor scrapes through the HTTP Service alone")
                    .singleElement()
                    .satisfies(s -> assertThat(at(s, "spec", "selector")).isEqualTo(selector));
        });

        String service = String.valueOf(at(rendered.named("Service", deployment), "metadata", "name"));
        rendered.ofKind("Ingress").forEach(ingress -> assertThat(list(at(ingress, "spec", "rules")))
                .flatExtracting(rule -> list(at(rule, "http", "paths")))
                .allSatisfy(path -> assertThat(at(path, "backend", "service"))
                        .isEqualTo(Map.of("name", service, "port", Map.of("name", "http")))));
        rendered.ofKind("HTTPRoute").forEach(route -> assertThat(list(at(route, "spec", "rules")))
                .flatExtracting(rule -> list(at(rule, "backendRefs")))
                .isNotEmpty()
                .allSatisfy(ref -> assertThat(at(ref, "name")).isEqualTo(service)));
        assertThat(rendered.podSpec().get("serviceAccountName"))
                .isEqualTo(at(rendered.one("ServiceAccount"), "metadata", "name"));
        assertThat(at(rendered.container(), "envFrom"))
                .isEqualTo(List.of(
                        Map.of("configMapRef", Map.of("name", at(rendered.one("ConfigMap"), "metadata", "name")))));
        if (rendered.ofKind("HorizontalPodAutoscaler").isEmpty()) {
            assertThat(at(rendered.one("Deployment"), "spec", "replicas")).isNotNull();
        } else {
            assertThat(map(at(rendered.one("Deployment"), "spec")))
                    .as("the autoscaler owns the replica count")
                    .doesNotContainKey("replicas");
        }
    }

    @Test
    void onlyTheApplicationReachesMongoDbAndRedis() {
        Rendered rendered =
                KubernetesChart.render(Values.defaults().file("server-config/kubernetes/examples/liberty.yaml"));
        Map<String, Object> application = podLabelsSelectedBy(rendered);
        String release = String.valueOf(at(rendered.one("Deployment"), "metadata", "name"));

        // in MongoDB's namespace, named with the release's namespace (releases of several namespaces may write one)
        Map<String, Object> mongo =
                rendered.named("NetworkPolicy", release + "-" + KubernetesChart.NAMESPACE + "-mongodb");
        assertThat(at(mongo, "metadata", "namespace"))
                .as("written where MongoDB's pods are")
                .isEqualTo("databases");
        assertThat(at(mongo, "spec", "podSelector", "matchLabels"))
                .isEqualTo(Map.of("app", "issuetracker-mongodb-svc"));
        Object first = list(at(mongo, "spec", "ingress")).get(0);
        assertThat(list(at(first, "from")))
                .singleElement()
                .isEqualTo(Map.of(
                        "podSelector",
                        Map.of("matchLabels", application),
                        "namespaceSelector",
                        Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", KubernetesChart.NAMESPACE))));
        assertThat(list(at(first, "ports"))).containsExactly(Map.of("port", 27017, "protocol", "TCP"));

        Map<String, Object> redis = rendered.named("NetworkPolicy", release + "-redis");
        assertThat(at(redis, "metadata", "namespace")).isEqualTo(KubernetesChart.NAMESPACE);
        assertThat(list(at(list(at(redis, "spec", "ingress")).get(0), "from")))
                .singleElement()
                .isEqualTo(Map.of("podSelector", Map.of("matchLabels", application)));

        Rendered payara = KubernetesChart.render(Values.defaults());
        Map<String, Object> own = payara.named("NetworkPolicy", release);
        assertThat(list(at(own, "spec", "ingress"))).anySatisfy(rule -> {
            assertThat(list(at(rule, "ports"))).containsExactly(Map.of("port", "hazelcast", "protocol", "TCP"));
            assertThat(list(at(rule, "from")))
                    .as("Hazelcast from the other members only")
                    .containsExactly(Map.of("podSelector", Map.of("matchLabels", application)));
        });
    }

    private static Map<String, Object> podLabelsSelectedBy(Rendered rendered) {
        return map(at(rendered.one("Deployment"), "spec", "selector", "matchLabels"));
    }

    private static Duration budget(Map<String, Object> container, String probe) {
        return Duration.ofSeconds(
                (long) number(container, probe, "periodSeconds") * number(container, probe, "failureThreshold"));
    }

    private static int number(Map<String, Object> container, String... path) {
        return ((Number) at(container, path)).intValue();
    }

    private static String applicationSetting(String key) {
        Properties properties = new Properties();
        try (Reader reader =
                Files.newBufferedReader(Path.of("src/main/resources/META-INF/microprofile-config.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copyOf(Map<String, Object> object) {
        return (Map<String, Object>) deepCopy(object);
    }

    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(
                    list.stream().map(KubernetesManifestsIT::deepCopy).toList());
        }
        return value;
    }
}
