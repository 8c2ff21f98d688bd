package org.issuetracker.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.issuetracker.interfaces.rest.IssueApiIT.assertProblem;
import static org.issuetracker.interfaces.rest.IssueApiIT.assertProblemField;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.issuetracker.support.ArquillianIT;
import org.issuetracker.support.Http;
import org.issuetracker.support.Tracker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Categories, statuses and users, as admins manage them and everyone else reads them. */
class ReferenceAndUserApiIT extends ArquillianIT {

    Tracker tracker;
    Http admin;

    @BeforeEach
    void admin() {
        tracker = new Tracker(http);
        admin = tracker.admin();
    }

    @Test
    void anEmptyDatabaseGetsTheStandardCategoriesAndStatuses() {
        assertThat(names("categories")).contains("Bug", "Feature", "Enhancement", "Question", "Documentation");
        List<JsonObject> statuses = Http.jsonArray(http.get("api/statuses")).getValuesAs(JsonObject.class);
        assertThat(statuses)
                .filteredOn(s -> s.getBoolean("closed"))
                .extracting(s -> s.getString("name"))
                .contains("Resolved", "Closed", "Won't Fix");
        assertThat(statuses)
                .filteredOn(s -> !s.getBoolean("closed"))
                .extracting(s -> s.getString("name"))
                .contains("Open", "In Progress", "Under Review");
    }

    @Test
    void namesAreUniqueWhateverTheirCaseAndRenamesShowOnIssues() {
        String name = "Hardware " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = admin.postJson("api/categories", "{\"name\":\"" + name + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = Http.json(created).getString("id");
        assertProblem(admin.postJson("api/categories", "{\"name\":\"" + name.toUpperCase() + "\"}"), 409, "conflict");
        assertProblemField(admin.postJson("api/categories", "{\"name\":\"x\"}"), 400, "name");

        Tracker.User user = tracker.newUser("renamer");
        String issue = tracker.file(user.http(), "Uses a category " + UUID.randomUUID())
                .getString("id");
        admin.put(
                "api/issues/" + issue,
                Http.jsonBody(Map.of(
                        "title", "Uses a category", "description", "Moved to the new category.", "categoryId", id)));
        String renamed = name + " and peripherals";
        assertThat(admin.put("api/categories/" + id, "{\"name\":\"" + renamed + "\"}")
                        .statusCode())
                .isEqualTo(200);

        assertThat(Http.json(admin.get("api/issues/" + issue))
                        .getJsonObject("category")
                        .getString("name"))
                .isEqualTo(renamed);
    }

    @Test
    void archivedCategoriesAreHiddenAndCannotBeUsedUntilRestored() {
        String id = Http.json(admin.postJson("api/categories", "{\"name\":\"Old " + UUID.randomUUID() + "\"}"))
                .getString("id");
        admin.delete("api/categories/" + id);

        assertThat(ids("api/categories")).doesNotContain(id);
        assertThat(ids("api/categories?includeArchived=true")).contains(id);
        Tracker.User user = tracker.newUser("archiver");
        assertProblemField(
                user.http()
                        .postJson(
                                "api/issues",
                                Http.jsonBody(Map.of(
                                        "title",
                                        "An issue title",
                                        "description",
                                        "In an archived category",
                                        "categoryId",
                                        id))),
                400,
                "categoryId");

        admin.postEmpty("api/categories/" + id + "/restore");
        assertThat(ids("api/categories")).contains(id);
        String etag =
                http.get("api/categories/" + id).headers().firstValue("ETag").orElseThrow();
        assertThat(http.get("api/categories/" + id, "If-None-Match", etag).statusCode())
                .isEqualTo(304);
        assertThat(admin.put("api/categories/" + id, "{\"name\":\"Stale\"}", "If-Match", "\"1\"")
                        .statusCode())
                .isEqualTo(412);
    }

    @Test
    void adminsManageUsersAndUsersSeeThemselves() {
        Tracker.User carol = tracker.newUser("carol");
        JsonObject me = Http.json(carol.http().get("api/me"));
        assertThat(me.getString("username")).isEqualTo(carol.username());
        assertThat(me.getJsonArray("roles").getString(0)).isEqualTo("USER");
        assertThat(me.containsKey("passwordHash")).isFalse();
        assertProblem(http.get("api/me"), 401, "unauthorized");

        assertProblem(
                admin.postJson(
                        "api/users",
                        Http.jsonBody(Map.of(
                                "username",
                                carol.username(),
                                "displayName",
                                "Again",
                                "email",
                                "again@example.com",
                                "password",
                                "long-enough-pw",
                                "roles",
                                List.of("USER")))),
                409,
                "conflict");
        assertProblemField(
                admin.postJson(
                        "api/users",
                        Http.jsonBody(Map.of(
                                "username",
                                "Not Valid!",
                                "displayName",
                                "X",
                                "email",
                                "not-an-email",
                                "password",
                                "short",
                                "roles",
                                List.of()))),
                400,
                "email");

        HttpResponse<String> promoted = admin.put(
                "api/users/" + carol.username(),
                Http.jsonBody(Map.of(
                        "displayName",
                        "Carol the Admin",
                        "email",
                        "carol@example.com",
                        "roles",
                        List.of("USER", "ADMIN"),
                        "active",
                        true)));
        assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
        assertThat(carol.http().get("api/users?size=5").statusCode())
                .as("an admin now")
                .isEqualTo(200);
        assertThat(Http.json(carol.http().get("api/me")).getString("displayName"))
                .isEqualTo("Carol the Admin");

        assertThat(admin.delete("api/users/" + carol.username()).statusCode()).isEqualTo(200);
        assertThat(carol.http().get("api/me").statusCode())
                .as("deactivated: cannot sign in")
                .isEqualTo(401);
        assertProblem(admin.delete("api/users/admin"), 409, "conflict");
        assertProblem(admin.get("api/users/nobody-here"), 404, "user-not-found");
    }

    private List<String> names(String collection) {
        return Http.jsonArray(http.get("api/" + collection)).getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("name"))
                .toList();
    }

    private List<String> ids(String path) {
        return Http.jsonArray(http.get(path)).getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("id"))
                .toList();
    }
}
