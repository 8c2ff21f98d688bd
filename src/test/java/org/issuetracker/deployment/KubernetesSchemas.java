package org.issuetracker.deployment;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.issuetracker.support.Shell;

/**
 * Two validators of Kubernetes objects, both generated from the Kubernetes API's published OpenAPI document, since
 * each catches what the other lets through:
 *
 * <ul>
 *   <li>{@link #schemaErrors}: the JSON schemas (types, required fields, enumerations, formats), compiled by the npm
 *       packages of kubernetes-models, with the Prometheus Operator's and the Gateway API's CRDs; run with Node.js
 *       by {@code src/test/scripts/validate-kubernetes.mjs}. They allow unknown fields.
 *   <li>{@link #unknownFields}: the Kubernetes Java client's models (client-java-api), which refuse a field the API
 *       does not define (a misspelt {@code readinessprobe} would otherwise be dropped by the API server with a
 *       warning, and the pod would run without its probe). Built-in kinds only.
 * </ul>
 */
final class KubernetesSchemas {

    /** One object's findings */
    record Finding(String kind, String name, List<String> errors) {

        @Override
        public String toString() {
            return kind + " " + name + ": " + String.join("; ", errors);
        }
    }

    private static final Gson GSON = new Gson();

    /** The groups of the custom resources the chart may render: the Prometheus Operator's, the Gateway API's */
    private static final Set<String> CUSTOM_RESOURCE_GROUPS =
            Set.of("monitoring.coreos.com", "gateway.networking.k8s.io");

    private KubernetesSchemas() {}

    static List<Finding> schemaErrors(List<Map<String, Object>> objects) {
        Path packages = Path.of(System.getProperty("kubernetes-schemas.home", "target/kubernetes-schemas"));
        try {
            Path input = Files.createTempFile(Path.of("target"), "kubernetes-objects", ".json");
            try {
                Files.writeString(input, GSON.toJson(objects));
                Shell.Result result = Shell.run(
                        List.of(
                                "node",
                                "src/test/scripts/validate-kubernetes.mjs",
                                packages.toAbsolutePath().toString(),
                                input.toAbsolutePath().toString()),
                        Map.of(),
                        null,
                        Duration.ofSeconds(120));
                if (result.exitCode() != 0) {
                    throw new AssertionError("the schema validator failed\n" + result.transcript());
                }
                JsonArray validated = JsonParser.parseString(result.output())
                        .getAsJsonObject()
                        .getAsJsonArray("validated");
                if (validated.size() != objects.size()) {
                    throw new AssertionError(
                            "validated " + validated.size() + " of " + objects.size() + " objects\n" + result.output());
                }
                List<Finding> findings = new ArrayList<>();
                for (JsonElement element : validated) {
                    JsonObject entry = element.getAsJsonObject();
                    findings.add(new Finding(
                            entry.get("kind").getAsString(),
                            entry.get("name").getAsString(),
                            entry.getAsJsonArray("errors").asList().stream()
                                    .map(JsonElement::getAsString)
                                    .toList()));
                }
                return findings;
            } finally {
                Files.deleteIfExists(input);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The unknown (or wrongly nested) fields of each built-in object, by the Java client's model of its apiVersion
     * and kind ({@code apps/v1 Deployment}: {@code V1Deployment}). Custom resources have no model there and are
     * left to {@link #schemaErrors}.
     */
    static List<Finding> unknownFields(List<Map<String, Object>> objects) {
        List<Finding> findings = new ArrayList<>();
        for (Map<String, Object> object : objects) {
            String kind = String.valueOf(object.get("kind"));
            String name = String.valueOf(KubernetesChart.at(object, "metadata", "name"));
            String model = modelClass(String.valueOf(object.get("apiVersion")), kind);
            if (model == null) {
                continue;
            }
            List<String> errors = new ArrayList<>();
            try {
                Class.forName(model)
                        .getMethod("validateJsonElement", JsonElement.class)
                        .invoke(null, GSON.toJsonTree(object));
            } catch (ClassNotFoundException unknown) {
                errors.add("the Kubernetes API has no " + model.substring(model.lastIndexOf('.') + 1));
            } catch (InvocationTargetException refused) {
                errors.add(String.valueOf(refused.getCause().getMessage()).replaceAll(" JSON: .*", ""));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            findings.add(new Finding(kind, name, errors));
        }
        return findings;
    }

    /** The Java client's class for a built-in apiVersion and kind; null for a custom resource's group */
    static String modelClass(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        if (CUSTOM_RESOURCE_GROUPS.contains(group)) {
            return null;
        }
        String version = apiVersion.substring(slash + 1);
        return "io.kubernetes.client.openapi.models." + Character.toUpperCase(version.charAt(0)) + version.substring(1)
                + kind;
    }
}
