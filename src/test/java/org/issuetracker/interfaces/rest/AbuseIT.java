package org.issuetracker.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.issuetracker.interfaces.rest.ApiOperations.Operation;
import org.issuetracker.interfaces.rest.HostileRequests.Caller;
import org.issuetracker.interfaces.rest.HostileRequests.Case;
import org.issuetracker.support.ArquillianIT;
import org.issuetracker.support.DatabaseFingerprint;
import org.issuetracker.support.Http;
import org.issuetracker.support.RawHttp;
import org.issuetracker.support.Tracker;
import org.issuetracker.support.WebForms;
import org.junit.jupiter.api.Test;

/**
 * Thousands of hostile requests against every operation of the live OpenAPI document and every page, as anonymous
 * visitors, users and administrators: none may be a 5xx or show a stack trace, the API's refusals are problem+json,
 * and the database is byte for byte what it was after every category of them.
 */
class AbuseIT extends ArquillianIT {

    private static final int THREADS = 4;

    /** Marks of a Java stack trace or exception class in a body. */
    private static final List<String> TRACE_MARKS = List.of("at org.", "at java.", ".java:", "Caused by");

    /**
     * "Exception" in an answer the application wrote about the request is a leak; in a read it may be users' text
     * (or the operations report's recent errors, which name exception types for administrators on purpose).
     */
    private static final Pattern EXCEPTION_WORD = Pattern.compile("Exception");

    /** PrimeFaces' settings script on every page names ViewExpiredException (its error page mapping). */
    private static final Pattern SCRIPTS = Pattern.compile("(?s)<script[^>]*>.*?</script>");

    /** One request sent and what came back. */
    record Outcome(Case sent, RawHttp.Response answer, long millis) {}

    @Test
    void noHostileRequestToTheApiOrThePagesIsAServerErrorOrChangesTheDatabase() throws Exception {
        Tracker tracker = new Tracker(http);
        Tracker.User user = tracker.newUser("abuse");
        String issueId =
                tracker.filePublic(user.http(), "Abuse sweep issue", "abuse").getString("id");
        String commentId = Http.json(
                        user.http().postJson("api/issues/" + issueId + "/comments", "{\"body\":\"Sweep\"}"))
                .getString("id");
        String context = deployment.getPath().replaceAll("/$", "");
        HostileRequests hostile = new HostileRequests(new HostileRequests.Scene(
                context,
                issueId,
                commentId,
                tracker.id("categories", "Bug"),
                tracker.id("statuses", "Resolved"),
                user.username(),
                basic(user.username(), Tracker.PASSWORD),
                basic("admin", Tracker.ADMIN_PASSWORD)));
        ApiOperations api = ApiOperations.parse(
                http.get("/openapi", "Accept", "application/json").body());
        assertThat(api.all()).as("operations in /openapi").hasSizeGreaterThan(30);
        Map<String, List<Case>> categories = apiCases(api, hostile);
        RawHttp raw = new RawHttp(deployment.getPort());
        HostilePages pages = new HostilePages(
                raw,
                context,
                issueId,
                user.username(),
                Map.of(
                        Caller.ANONYMOUS, "",
                        Caller.USER, signedIn(user.username(), Tracker.PASSWORD),
                        Caller.ADMIN, signedIn("admin", Tracker.ADMIN_PASSWORD)));
        categories.put("page parameters", pages.parameters());
        categories.put("page postbacks", pages.postbacks());

        DatabaseFingerprint before = DatabaseFingerprint.ofTestDatabase();
        List<String> failures = new ArrayList<>();
        Map<String, String> report = new LinkedHashMap<>();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (Map.Entry<String, List<Case>> category : categories.entrySet()) {
                long categoryStarted = System.nanoTime();
                List<Outcome> outcomes = sendAll(pool, raw, category.getValue());
                long categoryMillis = (System.nanoTime() - categoryStarted) / 1_000_000;
                outcomes.forEach(outcome -> failures.addAll(problems(outcome, context)));
                DatabaseFingerprint after = DatabaseFingerprint.ofTestDatabase();
                if (!after.equals(before)) {
                    failures.add(category.getKey() + ": the database changed: " + differences(before, after));
                    before = after;
                }
                report.put(category.getKey(), summary(outcomes, categoryMillis));
            }
        } finally {
            pool.shutdownNow();
        }
        long total = categories.values().stream().mapToLong(List::size).sum();
        System.out.printf(
                "AbuseIT: %d hostile requests in %d s, %d documents unchanged%n",
                total, (System.nanoTime() - started) / 1_000_000_000, before.documents());
        report.forEach((category, line) -> System.out.printf("  %-20s %s%n", category, line));

        java.nio.file.Files.write(java.nio.file.Path.of("target", "abuse-failures.txt"), failures);
        assertThat(failures)
                .as("hostile requests answered wrongly (all in target/abuse-failures.txt)")
                .isEmpty();
        assertThat(total).as("hostile requests sent").isGreaterThanOrEqualTo(1_000);
    }

    private static Map<String, List<Case>> apiCases(ApiOperations api, HostileRequests hostile) {
        Map<String, List<Case>> categories = new LinkedHashMap<>();
        Map<String, Set<String>> methodsByPath = new TreeMap<>();
        Map<String, Integer> perOperation = new TreeMap<>();
        for (Operation operation : api.all()) {
            methodsByPath
                    .computeIfAbsent(operation.path(), p -> new java.util.HashSet<>())
                    .add(operation.method());
            List<Case> cases = new ArrayList<>();
            cases.addAll(hostile.pathParameters(operation));
            cases.addAll(hostile.fieldTypes(operation));
            cases.addAll(hostile.bodies(operation));
            cases.addAll(hostile.archives(operation));
            cases.addAll(hostile.queryParameters(operation));
            cases.addAll(hostile.searchBounds(operation));
            cases.addAll(hostile.headers(operation));
            cases.addAll(hostile.authorization(operation));
            perOperation.put(operation.key(), cases.size());
            cases.forEach(c -> categories
                    .computeIfAbsent(c.category(), k -> new ArrayList<>())
                    .add(c));
        }
        assertThat(perOperation).as("hostile cases per operation").allSatisfy((operation, count) -> assertThat(count)
                .as(operation)
                .isPositive());
        methodsByPath.forEach((path, declared) ->
                categories.computeIfAbsent("methods", k -> new ArrayList<>()).addAll(hostile.methods(path, declared)));
        categories.put("path tricks", hostile.pathTricks());
        categories.put("preconditions", hostile.preconditions());
        categories.put("wrong credentials", hostile.wrongCredentials());
        return categories;
    }

    private static List<Outcome> sendAll(ExecutorService pool, RawHttp raw, List<Case> cases) throws Exception {
        List<Future<Outcome>> futures = new ArrayList<>();
        for (Case c : cases) {
            futures.add(pool.submit(() -> {
                long start = System.nanoTime();
                RawHttp.Response answer = raw.send(c.request());
                return new Outcome(c, answer, (System.nanoTime() - start) / 1_000_000);
            }));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> future : futures) {
            outcomes.add(future.get());
        }
        return outcomes;
    }

    /** What is wrong with one answer, if anything. */
    static List<String> problems(Outcome outcome, String context) {
        Case sent = outcome.sent();
        RawHttp.Response answer = outcome.answer();
        List<String[]> headers = sent.request().headers();
        String last = headers.isEmpty()
                ? ""
                : headers.get(headers.size() - 1)[0] + ": " + abbreviated(headers.get(headers.size() - 1)[1]);
        String what = "%s %s (%s) as %s [%s]: %d"
                .formatted(
                        sent.request().method(),
                        abbreviated(sent.request().targetText()),
                        last.length() > 80 ? last.substring(0, 80) : last,
                        sent.caller(),
                        sent.category(),
                        answer.status());
        List<String> problems = new ArrayList<>();
        if (answer.status() == 0) {
            problems.add(what + " " + answer.body());
            return problems;
        }
        if (answer.status() >= 500) {
            problems.add(what + " " + abbreviated(answer.body()));
        }
        boolean fromApplication = answer.header("X-Content-Type-Options").isPresent();
        boolean expected =
                switch (sent.expect()) {
                    case ANSWERED -> true;
                    // the container's own answer (no filter of the application ran) reached no resource
                    case REFUSED -> answer.status() >= 400 || !fromApplication;
                    case TOO_LARGE -> answer.status() == 413;
                    // a header the container will not take (too large, raw 0xFF) never reaches the sign-in
                    case UNAUTHORIZED -> answer.status() == 401 || (answer.status() == 400 && !fromApplication);
                    // a tag that is not even a header value (a raw 0xFF) is refused as unreadable
                    case PRECONDITION_FAILED -> answer.status() == 412 || answer.status() == 400;
                };
        if (!expected) {
            problems.add(what + " where " + sent.expect() + " was expected: " + abbreviated(answer.body()));
        }
        boolean api = sent.request().targetText().startsWith(context + "/api/")
                && !sent.category().equals("path tricks");
        String type = answer.header("Content-Type").orElse("(none)");
        if (api && fromApplication && answer.status() >= 400 && !type.startsWith("application/problem+json")) {
            problems.add(what + " answered " + type + ", not application/problem+json");
        }
        if (!api
                && fromApplication
                && answer.status() >= 400
                && type.startsWith("text/html")
                && !answer.body().contains("<h1")) {
            problems.add(what + " answered a page without a message: " + abbreviated(answer.body()));
        }
        for (String mark : TRACE_MARKS) {
            if (answer.body().contains(mark)) {
                problems.add(what + " shows '" + mark + "': " + around(answer.body(), mark));
            }
        }
        String text = SCRIPTS.matcher(answer.body()).replaceAll("");
        if (answer.status() >= 400 && EXCEPTION_WORD.matcher(text).find()) {
            problems.add(what + " names an exception: " + around(text, "Exception"));
        }
        if (answer.body().contains("<web-app") || answer.body().contains("Manifest-Version")) {
            problems.add(what + " served a deployment descriptor");
        }
        return problems;
    }

    private static String summary(List<Outcome> outcomes, long millis) {
        Map<String, Long> byStatus = outcomes.stream()
                .collect(Collectors.groupingBy(
                        o -> String.valueOf(o.answer().status()), TreeMap::new, Collectors.counting()));
        long container = outcomes.stream()
                .filter(o -> o.answer().status() > 0
                        && o.answer().header("X-Content-Type-Options").isEmpty())
                .count();
        long slowest = outcomes.stream().mapToLong(Outcome::millis).max().orElse(0);
        return "%5d requests in %5d ms (slowest %4d ms), statuses %s, %d answered by the container itself"
                .formatted(outcomes.size(), millis, slowest, byStatus, container);
    }

    private static String differences(DatabaseFingerprint before, DatabaseFingerprint after) {
        Map<String, String> changed = new TreeMap<>();
        Set<String> names = new java.util.TreeSet<>(before.collections().keySet());
        names.addAll(after.collections().keySet());
        for (String name : names) {
            var was = before.collections().get(name);
            var is = after.collections().get(name);
            if (was == null || !was.equals(is)) {
                changed.put(
                        name, (was == null ? "absent" : was.count()) + " -> " + (is == null ? "absent" : is.count()));
            }
        }
        return changed.toString();
    }

    private static String around(String body, String mark) {
        int at = body.indexOf(mark);
        return abbreviated(body.substring(Math.max(0, at - 150), Math.min(body.length(), at + 150)));
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...(" + text.length() + " chars)";
    }

    /** The cookies of a browser session signed in through the form. */
    private String signedIn(String username, String password) {
        WebForms browser = new WebForms(new Http(deployment));
        browser.signIn(username, password);
        return browser.http().cookieHeader();
    }

    private static String basic(String username, String password) {
        return "Basic "
                + HostileValues.base64((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
