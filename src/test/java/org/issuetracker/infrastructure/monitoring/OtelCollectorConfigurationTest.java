package org.issuetracker.infrastructure.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * server-config/otel/collector.yaml holds together: every part a pipeline names is defined, traces come in over OTLP,
 * and the metrics are scraped where the application serves them. (No collector binary can be installed here to
 * validate it fully; this checks what a typo would break.)
 */
class OtelCollectorConfigurationTest {

    private final Map<String, Object> config = load();

    @Test
    void everyPipelinePartIsDefined() {
        Map<String, Object> pipelines = map(map(config, "service"), "pipelines");
        assertThat(pipelines).containsKeys("traces", "metrics");
        for (Object pipeline : pipelines.values()) {
            @SuppressWarnings("unchecked")
            Map<String, List<String>> parts = (Map<String, List<String>>) pipeline;
            assertThat(map(config, "receivers"))
                    .containsKeys(parts.get("receivers").toArray(String[]::new));
            assertThat(map(config, "processors"))
                    .containsKeys(parts.get("processors").toArray(String[]::new));
            assertThat(map(config, "exporters"))
                    .containsKeys(parts.get("exporters").toArray(String[]::new));
        }
        @SuppressWarnings("unchecked")
        List<String> extensions = (List<String>) map(config, "service").get("extensions");
        assertThat(map(config, "extensions")).containsKeys(extensions.toArray(String[]::new));
    }

    @Test
    void tracesComeInOverOtlpAndMetricsAreScrapedFromSlashMetrics() {
        @SuppressWarnings("unchecked")
        List<String> traceReceivers = (List<String>)
                map(map(map(config, "service"), "pipelines"), "traces").get("receivers");
        assertThat(traceReceivers).containsExactly("otlp");
        assertThat(map(map(config, "receivers"), "otlp").get("protocols").toString())
                .contains("4317", "4318");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> scrapes = (List<Map<String, Object>>)
                map(map(map(config, "receivers"), "prometheus"), "config").get("scrape_configs");
        assertThat(scrapes).singleElement().satisfies(scrape -> {
            assertThat(scrape.get("metrics_path")).isEqualTo("/metrics");
            assertThat(scrape.get("job_name")).isEqualTo("issuetracker"); // the job the alert rules select
        });
    }

    private static Map<String, Object> load() {
        try {
            return new Yaml().load(Files.readString(Path.of("server-config", "otel", "collector.yaml")));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }
}
