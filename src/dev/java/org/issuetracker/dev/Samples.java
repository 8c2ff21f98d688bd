package org.issuetracker.dev;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@code jfr print --events jdk.ExecutionSample} printed, summed up: the methods on top of the stacks (where the
 * CPU was), the share of samples in which a layer appears anywhere on the stack, and the threads sampled.
 */
final class Samples {

    /** Layers by package prefix, in the order the summary lists them. */
    private static final Map<String, String> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("org.issuetracker.", "the application (org.issuetracker)");
        LAYERS.put("org.issuetracker.application.caching.", "its cache layer (application.caching)");
        LAYERS.put("org.redisson.", "Redisson (Redis client)");
        LAYERS.put("io.netty.", "Netty (Redisson's I/O)");
        LAYERS.put("com.mongodb.", "MongoDB driver");
        LAYERS.put("org.glassfish.jersey.", "Jersey (JAX-RS)");
        LAYERS.put("org.eclipse.yasson.", "Yasson (JSON-B)");
        LAYERS.put("org.jboss.weld.", "Weld (CDI proxies, interceptors)");
        LAYERS.put("org.glassfish.grizzly.", "Grizzly (HTTP)");
        LAYERS.put("org.apache.catalina.", "Catalina (servlet container, filters)");
        LAYERS.put("fish.payara.microprofile.metrics.", "Payara's MicroProfile Metrics");
        LAYERS.put("io.opentelemetry.", "OpenTelemetry");
        LAYERS.put("javax.crypto.", "javax.crypto (HMAC, digests)");
        LAYERS.put("java.util.logging.", "java.util.logging");
    }

    private Samples() {}

    static String summary(Path printed) throws IOException {
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> layers = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        try (BufferedReader reader = Files.newBufferedReader(printed)) {
            String line;
            List<String> stack = null;
            String thread = "?";
            while ((line = reader.readLine()) != null) {
                String trimmed = line.trim();
                if (trimmed.startsWith("sampledThread = ")) {
                    thread = trimmed.substring("sampledThread = ".length())
                            .replaceAll("\\(javaThreadId.*", "")
                            .replaceAll("[0-9]+", "N")
                            .replace("\"", "")
                            .trim();
                } else if (trimmed.startsWith("stackTrace = [")) {
                    stack = new ArrayList<>();
                } else if (stack != null && trimmed.equals("]")) {
                    samples++;
                    threads.merge(thread, 1, Integer::sum);
                    if (!stack.isEmpty()) {
                        top.merge(stack.get(0), 1, Integer::sum);
                    }
                    Set<String> seen = new LinkedHashSet<>();
                    for (String frame : stack) {
                        LAYERS.keySet().stream().filter(frame::startsWith).forEach(seen::add);
                    }
                    seen.forEach(layer -> layers.merge(layer, 1, Integer::sum));
                    stack = null;
                } else if (stack != null && !trimmed.isEmpty() && !trimmed.equals("...")) {
                    // "org.Foo.bar(int) line: 12" -> "org.Foo.bar"
                    int parenthesis = trimmed.indexOf('(');
                    stack.add(parenthesis > 0 ? trimmed.substring(0, parenthesis) : trimmed);
                }
            }
        }
        if (samples == 0) {
            return "(no samples recorded)\n";
        }
        int total = samples;
        StringBuilder text = new StringBuilder(samples + " execution samples. Methods on top of the stack:\n\n")
                .append("| share | method |\n| --- | --- |\n");
        top.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(15)
                .forEach(entry -> text.append(String.format(
                        Locale.ROOT, "| %.1f %% | `%s` |%n", 100.0 * entry.getValue() / total, entry.getKey())));
        text.append("\nSamples with the layer anywhere on the stack:\n\n| share | layer |\n| --- | --- |\n");
        LAYERS.forEach((prefix, name) -> {
            int count = layers.getOrDefault(prefix, 0);
            if (count > 0) {
                text.append(String.format(Locale.ROOT, "| %.1f %% | %s |%n", 100.0 * count / total, name));
            }
        });
        text.append("\nSampled threads:\n\n| share | thread |\n| --- | --- |\n");
        threads.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(6)
                .forEach(entry -> text.append(String.format(
                        Locale.ROOT, "| %.1f %% | %s |%n", 100.0 * entry.getValue() / total, entry.getKey())));
        return text.toString();
    }
}
