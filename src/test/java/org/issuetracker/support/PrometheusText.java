package org.issuetracker.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scrape of {@code /metrics} in the Prometheus text format: every sample line is checked against the format's
 * grammar when read, and samples are looked up by name and labels.
 */
public final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+([-+]?(?:[0-9.]+(?:[eE][-+]?[0-9]+)?|NaN|\\+?Inf|-Inf))(\\s+-?[0-9]+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern COMMENT = Pattern.compile("# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]*( .*)?|#.*");

    private final Map<String, Double> samples = new HashMap<>();

    private PrometheusText() {}

    /** Parses a scrape; throws {@link IllegalArgumentException} naming the first line that is not valid. */
    public static PrometheusText parse(String text) {
        PrometheusText scrape = new PrometheusText();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || COMMENT.matcher(line).matches()) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new IllegalArgumentException("Line " + (i + 1) + " is not Prometheus text: " + line);
            }
            Map<String, String> labels = new HashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            scrape.samples.put(
                    key(sample.group(1), labels),
                    Double.valueOf(sample.group(4).replace("+Inf", "Infinity").replace("-Inf", "-Infinity")));
        }
        return scrape;
    }

    /** The value of the sample with that name and at least those labels; fails if there is none. */
    public double value(String name, Map<String, String> labels) {
        return samples.entrySet().stream()
                .filter(e -> matches(e.getKey(), name, labels))
                .mapToDouble(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No sample " + name + labels + " in /metrics"));
    }

    /** Whether any sample has that name. */
    public boolean has(String name) {
        return samples.keySet().stream().anyMatch(key -> key.startsWith(name + "{"));
    }

    /** The sum of the samples with that name and at least those labels (0 when there is none yet). */
    public double sum(String name, Map<String, String> labels) {
        return samples.entrySet().stream()
                .filter(e -> matches(e.getKey(), name, labels))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    private static boolean matches(String key, String name, Map<String, String> labels) {
        if (!key.startsWith(name + "{")) {
            return false;
        }
        return labels.entrySet().stream().allMatch(l -> key.contains("," + l.getKey() + "=" + l.getValue() + ","));
    }

    private static String key(String name, Map<String, String> labels) {
        StringBuilder key = new StringBuilder(name).append("{,");
        labels.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(l ->
                        key.append(l.getKey()).append('=').append(l.getValue()).append(','));
        return key.append('}').toString();
    }
}
