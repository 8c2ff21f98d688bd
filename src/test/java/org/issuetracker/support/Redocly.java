package org.issuetracker.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Redocly CLI (npm, the version the pom pins, installed by the test command under a cache directory): lints an
 * OpenAPI document with its {@code recommended} rules.
 */
public final class Redocly {

    /** One finding: the rule, {@code error} or {@code warn}, where (a JSON pointer into the document) and why. */
    public record Problem(String ruleId, String severity, String pointer, String message) {

        @Override
        public String toString() {
            return severity + " " + ruleId + " at " + pointer + ": " + message;
        }
    }

    private Redocly() {}

    public static List<Problem> lint(Path document) {
        String executable = System.getProperty("redocly-cli", "redocly");
        Shell.Result result = Shell.run(
                List.of(
                        executable,
                        "lint",
                        "--format=json",
                        "--extends=recommended",
                        document.toAbsolutePath().toString()),
                // no calls home from a test run: only loopback networking here
                Map.of("REDOCLY_TELEMETRY", "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE", "true"),
                null,
                Duration.ofSeconds(120));
        String output = result.output();
        int start = output.indexOf('{');
        if (start < 0) {
            throw new AssertionError("redocly lint wrote no report\n" + result.transcript());
        }
        JsonObject report =
                Json.createReader(new StringReader(output.substring(start))).readObject();
        return report.getJsonArray("problems").getValuesAs(JsonObject.class).stream()
                .map(p -> new Problem(
                        p.getString("ruleId"),
                        p.getString("severity"),
                        p.getJsonArray("location").getJsonObject(0).getString("pointer", ""),
                        p.getString("message")))
                .toList();
    }
}
