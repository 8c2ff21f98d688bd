package org.issuetracker.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/** MicroProfile Health answers as the tests read them. */
public final class HealthProbes {

    private HealthProbes() {}

    /** {@code /health/<name>} (started, ready, live), which must answer {@code status}; its JSON. */
    public static JsonObject probe(Http http, String name, int status) {
        HttpResponse<String> response = http.get("/health/" + name);
        // the answers in each state, quoted in docs/monitoring.md
        System.out.println("[health] " + name + " " + response.statusCode() + " " + response.body());
        assertThat(response.statusCode())
                .as(name + " answered " + response.statusCode() + ": " + response.body())
                .isEqualTo(status);
        return Http.json(response);
    }

    /** The check of that name in a health answer; fails if there is none. */
    public static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No check " + name + " in " + health));
    }
}
