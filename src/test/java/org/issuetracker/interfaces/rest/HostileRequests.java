package org.issuetracker.interfaces.rest;

import static org.issuetracker.interfaces.rest.HostileValues.NO_SUCH_ID;
import static org.issuetracker.interfaces.rest.HostileValues.utf8;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.issuetracker.interfaces.rest.ApiOperations.Operation;
import org.issuetracker.support.RawHttp.Request;

/**
 * The hostile requests of the sweep, per category, generated from the API's operations. Reads go to the fixtures'
 * real resources (a read may be answered, and changes nothing); writes go to ids that name nothing, or carry a body
 * that no rule can accept, so that every one of them must be refused and the database must stay as it was.
 */
final class HostileRequests {

    /** Who sends a request: the headers that sign it in. */
    enum Caller {
        ANONYMOUS,
        USER,
        ADMIN
    }

    /** What the answer must be beyond "no 5xx, no stack trace". */
    enum Expect {
        ANSWERED,
        REFUSED,
        TOO_LARGE,
        UNAUTHORIZED,
        PRECONDITION_FAILED
    }

    record Case(String category, String operation, Caller caller, Request request, Expect expect) {}

    /** The fixtures reads are aimed at, and the callers' credentials. */
    record Scene(
            String context,
            String issueId,
            String commentId,
            String categoryId,
            String statusId,
            String username,
            String userAuthorization,
            String adminAuthorization) {}

    private final Scene scene;

    HostileRequests(Scene scene) {
        this.scene = scene;
    }

    List<Case> pathParameters(Operation operation) {
        List<Case> cases = new ArrayList<>();
        if (operation.pathParameters().isEmpty()) {
            return cases;
        }
        for (String value : HostileValues.PATH_SEGMENTS) {
            String path = scene.context()
                    + operation.path().replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(value));
            for (Caller caller : Caller.values()) {
                cases.add(call("path parameters", operation, caller, path, body(operation), expectOf(operation)));
            }
        }
        return cases;
    }

    List<Case> fieldTypes(Operation operation) {
        List<Case> cases = new ArrayList<>();
        for (String field : operation.fields().keySet()) {
            for (String value : HostileValues.FIELD_VALUES) {
                byte[] body = utf8(jsonWith(operation, field, value));
                for (Caller caller : List.of(Caller.USER, Caller.ADMIN)) {
                    cases.add(call("field types", operation, caller, target(operation), body, expectOf(operation)));
                }
            }
        }
        return cases;
    }

    List<Case> bodies(Operation operation) {
        List<Case> cases = new ArrayList<>();
        if (!"json".equals(operation.body())) {
            return cases;
        }
        for (byte[] body : HostileValues.BODIES) {
            for (Caller caller : Caller.values()) {
                cases.add(call("bodies", operation, caller, target(operation), body, Expect.REFUSED));
            }
        }
        byte[] huge = HostileValues.huge();
        for (Caller caller : Caller.values()) {
            cases.add(call("oversized bodies", operation, caller, target(operation), huge, Expect.TOO_LARGE));
            Request chunked = request(operation.method(), target(operation), huge, caller, "application/json")
                    .withHeader("Transfer-Encoding", "chunked");
            cases.add(new Case("oversized bodies", operation.key(), caller, chunked, Expect.TOO_LARGE));
        }
        return cases;
    }

    List<Case> archives(Operation operation) {
        List<Case> cases = new ArrayList<>();
        if (!"zip".equals(operation.body())) {
            return cases;
        }
        for (String query : List.of("", "?replace=true", "?replace=%00", "?replace=1e400")) {
            for (byte[] archive : HostileValues.ARCHIVES) {
                for (Caller caller : Caller.values()) {
                    cases.add(new Case(
                            "archives",
                            operation.key(),
                            caller,
                            request("POST", target(operation) + query, archive, caller, "application/zip"),
                            Expect.REFUSED));
                }
            }
            cases.add(new Case(
                    "archives",
                    operation.key(),
                    Caller.ADMIN,
                    request("POST", target(operation) + query, utf8("{}"), Caller.ADMIN, "application/json"),
                    Expect.REFUSED));
        }
        return cases;
    }

    /**
     * Each declared query parameter with every hostile value; on reads, the usual parameter names besides, declared or
     * not, with a few (an undeclared parameter must be ignored, whatever it holds).
     */
    List<Case> queryParameters(Operation operation) {
        List<Case> cases = new ArrayList<>();
        for (String name : operation.queryParameters()) {
            for (String value : HostileValues.QUERY_VALUES) {
                String target = target(operation) + "?" + name + "=" + value;
                for (Caller caller : refusableCallers(operation, List.of(Caller.ANONYMOUS, Caller.ADMIN))) {
                    cases.add(
                            call("query parameters", operation, caller, target, body(operation), expectOf(operation)));
                }
            }
        }
        if (!operation.isWrite()) {
            for (String name : HostileValues.COMMON_QUERY) {
                for (String value : HostileValues.QUERY_VALUES.subList(0, 7)) {
                    String target = target(operation) + "?" + name + "=" + value;
                    cases.add(call("query parameters", operation, Caller.ADMIN, target, null, Expect.ANSWERED));
                }
            }
        }
        return cases;
    }

    /** Ten thousand labels, a very long search, a parameter repeated: what a search must bound. */
    List<Case> searchBounds(Operation operation) {
        List<Case> cases = new ArrayList<>();
        if (operation.isWrite()) {
            return cases;
        }
        String tenThousandLabels = java.util.stream.IntStream.range(0, 10_000)
                .mapToObj(i -> "label=l" + i)
                .collect(Collectors.joining("&"));
        List<String> queries = List.of(
                tenThousandLabels,
                java.util.stream.IntStream.range(0, 1_000)
                        .mapToObj(i -> "label=l" + i)
                        .collect(Collectors.joining("&")),
                "q=" + "x".repeat(10_000),
                "q=" + "%F0%9F%92%A9".repeat(300),
                "page=1&page=2&page=-3",
                "size=0",
                "size=-1",
                "size=100000",
                "page=2147483648&size=100");
        for (String query : queries) {
            for (Caller caller : List.of(Caller.ANONYMOUS, Caller.USER)) {
                cases.add(call(
                        "search bounds", operation, caller, target(operation) + "?" + query, null, Expect.ANSWERED));
            }
        }
        return cases;
    }

    List<Case> headers(Operation operation) {
        List<Case> cases = new ArrayList<>();
        List<String[]> abuse = new ArrayList<>(List.of(
                new String[] {"X-Junk", "x".repeat(64 * 1024)},
                new String[] {"Accept", "application/xml"},
                new String[] {"Accept", "image/png"},
                new String[] {"Accept", "*/*;q=garbage"},
                new String[] {"Accept", "application/json;q=2, ,;,"},
                new String[] {"Accept", "\u00ff\u00fe"},
                new String[] {"Accept-Language", "xx-\u00ff;q=abc, *;q=-1"},
                new String[] {"Accept-Language", "de-DE-" + "x".repeat(5000)},
                new String[] {"Accept-Charset", "ebcdic"},
                new String[] {"If-None-Match", "garbage"},
                new String[] {"If-None-Match", "W/"},
                new String[] {"If-Modified-Since", "yesterday"},
                new String[] {"If-Match", "\"99999999999999999999\""},
                new String[] {"Range", "bytes=9999999999999999999-"},
                new String[] {"X-Forwarded-For", "\u0000, ::::::, <script>"},
                new String[] {"X-Forwarded-For", "1.2.3.4, ".repeat(1000)},
                new String[] {"X-Forwarded-Proto", "gopher"},
                new String[] {"X-HTTP-Method-Override", "DELETE"},
                new String[] {"Origin", "null"},
                new String[] {"Sec-Fetch-Site", "cross-site"},
                new String[] {"Cookie", "JSESSIONID=garbage; JSESSIONID=../../..; signInToken=\u00ff"},
                new String[] {"Cookie", "JSESSIONID=" + "A".repeat(4000)},
                new String[] {"Content-Encoding", "gzip"},
                new String[] {"Expect", "100-continue"},
                new String[] {"Content-Length", "-1"},
                new String[] {"Content-Length", "99999999999999999999"}));
        for (String type : List.of(
                "text/plain",
                "application/xml",
                "application/json; charset=ebcdic",
                "application/json; charset=utf-7",
                "application/json;;;",
                "",
                "multipart/form-data; boundary=",
                "application/x-www-form-urlencoded",
                "*/*",
                "application/json\u00ff")) {
            abuse.add(new String[] {"Content-Type", type});
        }
        for (String[] header : abuse) {
            for (Caller caller : refusableCallers(operation, List.of(Caller.USER, Caller.ADMIN))) {
                Request request = request(
                                operation.method(),
                                target(operation),
                                body(operation),
                                caller,
                                header[0].equals("Content-Type") ? null : contentType(operation))
                        .withHeader(header[0], header[1]);
                cases.add(new Case("headers", operation.key(), caller, request, expectOf(operation)));
            }
        }
        return cases;
    }

    List<Case> authorization(Operation operation) {
        List<Case> cases = new ArrayList<>();
        for (String authorization : HostileValues.MALFORMED_AUTHORIZATION) {
            Request request = Request.of(operation.method(), target(operation), body(operation))
                    .withHeader("Content-Type", contentType(operation))
                    .withHeader("Authorization", authorization);
            Expect expect = operation.key().equals("GET /api/me") ? Expect.UNAUTHORIZED : expectOf(operation);
            cases.add(new Case("authorization", operation.key(), Caller.ANONYMOUS, request, expect));
        }
        return cases;
    }

    /** Methods an operation's path does not declare (HEAD and OPTIONS are answered for any resource). */
    List<Case> methods(String path, Set<String> declared) {
        List<Case> cases = new ArrayList<>();
        for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND", "FOO")) {
            if (declared.contains(method)) {
                continue;
            }
            String target = scene.context() + path.replaceAll("\\{[^}]+}", NO_SUCH_ID);
            for (Caller caller : List.of(Caller.ANONYMOUS, Caller.ADMIN)) {
                cases.add(new Case(
                        "methods",
                        method + " " + path,
                        caller,
                        request(method, target, utf8("{\"$gt\":\"\"}"), caller, "application/json"),
                        Expect.REFUSED));
            }
        }
        return cases;
    }

    /** Spellings of paths that must reach nothing they should not: the API, WEB-INF and the like. */
    List<Case> pathTricks() {
        String c = scene.context();
        List<String> targets = List.of(
                c + "/api/../api/issues",
                c + "/api/%2e%2e/api/issues",
                c + "/api/%2E%2E/%2E%2E/WEB-INF/web.xml",
                c + "//api/issues",
                c + "/api//issues",
                c + "/api;jsessionid=ABC/issues",
                c + "/api/issues;jsessionid=ABC",
                c + "/%61pi/issues",
                c + "/api%2Fissues",
                c + "/api%2fadmin%2fbackups",
                c + "/api/issues%00",
                c + "/api/issues%00.xhtml",
                c + "/api/..;/..;/WEB-INF/web.xml",
                c + "/WEB-INF/web.xml",
                c + "/%57EB-INF/web.xml",
                c + "/WEB-INF%2fweb.xml",
                c + "/web-inf/web.xml",
                c + "/META-INF/MANIFEST.MF",
                c + "/WEB-INF/classes/META-INF/microprofile-config.properties",
                c + "/jakarta.faces.resource/..%2fWEB-INF%2fweb.xml.xhtml",
                c + "/jakarta.faces.resource/web.xml.xhtml?ln=..%2fWEB-INF",
                c + "/jakarta.faces.resource/theme.css.xhtml?ln=../../WEB-INF",
                c + "/api/issues/%c0%ae%c0%ae/%c0%ae%c0%ae/WEB-INF/web.xml",
                c + "/api/" + "a/".repeat(3000),
                c + "/\u00ff\u00fe/api/issues",
                c + "/api/issues?%00=1",
                c + "/api/issues#fragment",
                "*",
                "http://evil.example" + c + "/api/issues",
                "/../../../../etc/passwd",
                c + "/admin/../WEB-INF/web.xml",
                c + "/index.xhtml/../../WEB-INF/web.xml",
                c + "/index.xhtml%00.jsp",
                c + "/errors/../admin/users.xhtml");
        List<Case> cases = new ArrayList<>();
        for (String target : targets) {
            for (Caller caller : List.of(Caller.ANONYMOUS, Caller.ADMIN)) {
                cases.add(new Case(
                        "path tricks",
                        "GET " + target,
                        caller,
                        request("GET", target, null, caller, null),
                        Expect.ANSWERED));
                cases.add(new Case(
                        "path tricks",
                        "POST " + target,
                        caller,
                        request("POST", target, utf8("{\"name\":{\"$gt\":\"\"}}"), caller, "application/json"),
                        target.contains("api") ? Expect.REFUSED : Expect.ANSWERED));
            }
        }
        return cases;
    }

    /**
     * Conditional writes with a real target and an acceptable body, but an If-Match that names no version: each must
     * be a 412 (stale), never applied.
     */
    List<Case> preconditions() {
        Map<String, String> writes = Map.of(
                "/api/issues/" + scene.issueId(),
                "{\"title\":\"Precondition sweep title\",\"description\":\"Must never be stored.\",\"categoryId\":\""
                        + scene.categoryId() + "\"}",
                "/api/issues/" + scene.issueId() + "/status",
                "{\"statusId\":\"" + scene.statusId() + "\"}",
                "/api/comments/" + scene.commentId(),
                "{\"body\":\"Must never be stored.\"}",
                "/api/categories/" + scene.categoryId(),
                "{\"name\":\"Never stored\"}",
                "/api/users/" + scene.username(),
                "{\"displayName\":\"Never stored\",\"email\":\"never@example.com\",\"roles\":[\"USER\"],\"active\":true}");
        List<Case> cases = new ArrayList<>();
        writes.forEach((path, body) -> {
            for (String tag : List.of(
                    "garbage",
                    "\"-5\"",
                    "\"0\"",
                    "\"99999999999999999999\"",
                    "W/\"abc\"",
                    "\"1e400\"",
                    "\"\u00ff\"",
                    "\"$ne\"")) {
                Request request = request("PUT", scene.context() + path, utf8(body), Caller.ADMIN, "application/json")
                        .withHeader("If-Match", tag);
                cases.add(new Case("preconditions", "PUT " + path, Caller.ADMIN, request, Expect.PRECONDITION_FAILED));
            }
        });
        return cases;
    }

    /**
     * Credentials that name an account with a wrong password: few on purpose (sign-in throttling counts them), two
     * per real account, on {@code GET /api/me}.
     */
    List<Case> wrongCredentials() {
        List<String> credentials = List.of(
                "admin:not-the-password",
                "admin:\u0000",
                scene.username() + ":not-the-password",
                scene.username() + ":" + "x".repeat(3_000),
                "ghost-of-the-sweep:whatever",
                ":",
                "\u00ff\u00fe:\u00ff");
        List<Case> cases = new ArrayList<>();
        for (String pair : credentials) {
            byte[] raw = pair.getBytes(
                    pair.contains("\u00ff")
                            ? java.nio.charset.StandardCharsets.ISO_8859_1
                            : java.nio.charset.StandardCharsets.UTF_8);
            Request request = Request.of("GET", scene.context() + "/api/me", null)
                    .withHeader("Authorization", "Basic " + HostileValues.base64(raw));
            cases.add(new Case("wrong credentials", "GET /api/me", Caller.ANONYMOUS, request, Expect.UNAUTHORIZED));
        }
        return cases;
    }

    private Case call(String category, Operation operation, Caller caller, String target, byte[] body, Expect expect) {
        return new Case(
                category,
                operation.key(),
                caller,
                request(operation.method(), target, body, caller, contentType(operation)),
                expect);
    }

    Request request(String method, String target, byte[] body, Caller caller, String contentType) {
        Request request = Request.of(method, target, body);
        if (contentType != null && body != null) {
            request = request.withHeader("Content-Type", contentType);
        }
        return switch (caller) {
            case ANONYMOUS -> request;
            case USER -> request.withHeader("Authorization", scene.userAuthorization());
            case ADMIN -> request.withHeader("Authorization", scene.adminAuthorization());
        };
    }

    /** Reads address the fixtures; writes an id that names nothing. */
    private String target(Operation operation) {
        return scene.context()
                + (operation.isWrite() ? operation.path().replaceAll("\\{[^}]+}", NO_SUCH_ID) : realPath(operation));
    }

    private String realPath(Operation operation) {
        String path = operation.path();
        String id = path.startsWith("/api/comments")
                ? scene.commentId()
                : path.startsWith("/api/categories")
                        ? scene.categoryId()
                        : path.startsWith("/api/statuses") ? scene.statusId() : scene.issueId();
        return path.replace("{username}", scene.username()).replaceAll("\\{[^}]+}", id);
    }

    /**
     * A write's body: each field a plausible value (the id in the path names nothing). A write without a path
     * parameter would create something from such a body, so every field is an operator object instead, which no
     * field accepts.
     */
    private static byte[] body(Operation operation) {
        if (operation.body() == null) {
            return null;
        }
        if ("zip".equals(operation.body())) {
            return utf8("not a zip");
        }
        return utf8(jsonWith(operation, null, null));
    }

    /**
     * The body with {@code field} set to {@code value} (raw JSON) first, then the other fields. When the write has
     * no path parameter, the other fields are poisoned (see {@link #body}), so that even a value the reader coerces
     * cannot make the whole body acceptable.
     */
    static String jsonWith(Operation operation, String field, String value) {
        boolean creates = operation.pathParameters().isEmpty() && operation.isWrite();
        StringBuilder json = new StringBuilder("{");
        if (field != null) {
            json.append('"').append(field).append("\":").append(value);
        }
        for (Map.Entry<String, String> other : operation.fields().entrySet()) {
            if (other.getKey().equals(field)) {
                continue;
            }
            json.append(json.length() > 1 ? "," : "")
                    .append('"')
                    .append(other.getKey())
                    .append("\":")
                    .append(creates ? "{\"$gt\":\"\"}" : plausible(other.getValue()));
        }
        return json.append('}').toString();
    }

    /**
     * A write with neither path parameter nor body (taking a backup) has nothing a hostile header or parameter could
     * make invalid: its admin would simply be served, so only callers it refuses are swept on it.
     */
    private static List<Caller> refusableCallers(Operation operation, List<Caller> callers) {
        boolean nothingToRefuse =
                operation.isWrite() && operation.pathParameters().isEmpty() && operation.body() == null;
        return nothingToRefuse ? callers.stream().filter(c -> c != Caller.ADMIN).toList() : callers;
    }

    private static String plausible(String type) {
        return switch (type) {
            case "array" -> "[\"USER\"]";
            case "boolean" -> "false";
            case "integer", "number" -> "1";
            default -> "\"Hostile sweep text\"";
        };
    }

    private static String contentType(Operation operation) {
        return "zip".equals(operation.body()) ? "application/zip" : "application/json";
    }

    private static Expect expectOf(Operation operation) {
        return operation.isWrite() ? Expect.REFUSED : Expect.ANSWERED;
    }
}
