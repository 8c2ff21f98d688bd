package org.issuetracker.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fixtures through the API itself, as an integrator would make them: the bootstrap admin, users with unique names
 * (the database is shared by every test class of a run), the seeded categories and statuses, and issues.
 */
public final class Tracker {

    /** Set for the test runs in arquillian.xml ({@code bootstrap.admin.password}). */
    public static final String ADMIN_PASSWORD = "admin-password";

    public static final String PASSWORD = "correct-horse-battery";

    private final Http anonymous;
    private final Http admin;

    public Tracker(Http anonymous) {
        this.anonymous = anonymous;
        this.admin = anonymous.as("admin", ADMIN_PASSWORD);
    }

    public Http anonymous() {
        return anonymous;
    }

    public Http admin() {
        return admin;
    }

    /** A new user (role USER) signed in; the username starts with the prefix and is unique. */
    public User newUser(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.postJson(
                "api/users",
                Http.jsonBody(Map.of(
                        "username",
                        username,
                        "displayName",
                        "User " + username,
                        "email",
                        username + "@example.com",
                        "password",
                        PASSWORD,
                        "roles",
                        List.of("USER"))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new User(username, anonymous.as(username, PASSWORD));
    }

    /** The id of a seeded category or status by name ("Bug", "Resolved"...). */
    public String id(String collection, String name) {
        return Http.jsonArray(anonymous.get("api/" + collection + "?includeArchived=true"))
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(item -> item.getString("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + name + " in " + collection))
                .getString("id");
    }

    /** Files an issue as the user; it is PENDING. */
    public JsonObject file(Http user, String title, String... labels) {
        HttpResponse<String> response = user.postJson(
                "api/issues",
                Http.jsonBody(Map.of(
                        "title",
                        title,
                        "description",
                        "Filed by a test: " + title,
                        "categoryId",
                        id("categories", "Bug"),
                        "labels",
                        List.of(labels))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response);
    }

    /** Files an issue as the user and has the admin approve it, so that everyone sees it. */
    public JsonObject filePublic(Http user, String title, String... labels) {
        String id = file(user, title, labels).getString("id");
        HttpResponse<String> approved = admin.postJson("api/issues/" + id + "/approval", "{\"decision\":\"APPROVED\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        return Http.json(approved);
    }

    /** A signed-in user of the tests. */
    public record User(String username, Http http) {}
}
