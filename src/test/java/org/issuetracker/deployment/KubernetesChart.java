package org.issuetracker.deployment;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * The Helm chart of {@code server-config/kubernetes/issuetracker}, rendered by Helm itself ({@code helm template},
 * through helm-java: Helm's own Go code as a native library from Maven Central, no binary to install) for a given
 * set of values, as a cluster at {@link #KUBERNETES_VERSION} would receive it.
 */
final class KubernetesChart {

    /** The Kubernetes version the chart is rendered for and validated against (the schemas' version) */
    static final String KUBERNETES_VERSION = "1.36.0";

    static final Path CHART = Path.of("server-config/kubernetes/issuetracker");
    static final String RELEASE = "tracker";
    static final String NAMESPACE = "issues";

    /** What {@code helm template} printed, and each object in it */
    record Rendered(String yaml, List<Map<String, Object>> objects) {

        List<Map<String, Object>> ofKind(String kind) {
            return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        }

        Map<String, Object> one(String kind) {
            List<Map<String, Object>> found = ofKind(kind);
            if (found.size() != 1) {
                throw new AssertionError("expected one " + kind + ", found " + found.size() + "\n" + yaml);
            }
            return found.get(0);
        }

        Map<String, Object> named(String kind, String name) {
            return ofKind(kind).stream()
                    .filter(o -> name.equals(at(o, "metadata", "name")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind + " " + name + "\n" + yaml));
        }

        /** The pod template's spec of the one Deployment */
        Map<String, Object> podSpec() {
            return map(at(one("Deployment"), "spec", "template", "spec"));
        }

        Map<String, Object> container() {
            return map(list(podSpec().get("containers")).get(0));
        }

        /** The value of the container's environment variable, null when it has none of that name */
        Object env(String name) {
            return list(container().get("env")).stream()
                    .map(KubernetesChart::map)
                    .filter(variable -> name.equals(variable.get("name")))
                    .map(variable -> variable.get("value"))
                    .findFirst()
                    .orElse(null);
        }

        int preStopSeconds() {
            return ((Number) at(container(), "lifecycle", "preStop", "sleep", "seconds")).intValue();
        }

        int gracePeriodSeconds() {
            return ((Number) podSpec().get("terminationGracePeriodSeconds")).intValue();
        }
    }

    /** A set of values: values files (relative to the repository root) and then --set pairs */
    record Values(String description, List<Path> files, Map<String, Object> set) {

        static Values defaults() {
            return new Values("the chart's defaults", List.of(), Map.of());
        }

        Values with(String key, Object value) {
            Map<String, Object> more = new LinkedHashMap<>(set);
            more.put(key, value);
            return new Values(description, files, more);
        }

        Values file(String file) {
            return new Values(
                    description,
                    Stream.concat(files.stream(), Stream.of(Path.of(file))).toList(),
                    set);
        }

        Values named(String name) {
            return new Values(name, files, set);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private KubernetesChart() {}

    /**
     * Each set of values rendered once for the whole class: every test reads the objects, and the one that changes
     * an object changes a copy.
     */
    private static final Map<Values, Rendered> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

    static Rendered render(Values values) {
        return RENDERED.computeIfAbsent(values, KubernetesChart::renderAnew);
    }

    private static Rendered renderAnew(Values values) {
        String yaml = template(values).call();
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml().loadAll(yaml)) {
            if (document != null) {
                objects.add(map(document));
            }
        }
        return new Rendered(yaml, objects);
    }

    /** Why Helm refuses these values (values.schema.json or a template's {@code fail}); fails if it renders them */
    static String refusal(Values values) {
        try {
            String yaml = template(values).call();
            throw new AssertionError("Helm rendered " + values + " with " + values.set() + ":\n" + yaml);
        } catch (IllegalStateException refused) {
            return refused.getMessage();
        }
    }

    static LintResult lint() {
        return new Helm(CHART).lint().strict().call();
    }

    private static TemplateCommand template(Values values) {
        TemplateCommand template = new Helm(CHART)
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBERNETES_VERSION);
        for (Path file : values.files()) {
            template = template.withValuesFile(file);
        }
        for (Map.Entry<String, Object> entry : values.set().entrySet()) {
            template = template.set(entry.getKey(), entry.getValue());
        }
        return template;
    }

    /** The value at a path of keys in nested maps; null where a key is missing */
    static Object at(Object object, String... path) {
        Object current = object;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object object) {
        return (Map<String, Object>) Objects.requireNonNull(object, "a map was expected, found nothing");
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object object) {
        return object == null ? List.of() : (List<Object>) object;
    }
}
