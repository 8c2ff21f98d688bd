package org.issuetracker.support;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;

/**
 * A steady load of signed-in users, one thread each, for a bounded time: each reads its issue's page over and over
 * and (unless reads only) adds a comment with a unique marker through the page's Faces form every third round. Every
 * request is recorded with its outcome, so that a fault injected meanwhile ({@link #markFault}) can be judged: what
 * failed, whether anyone was sent back to the sign-in page or shown "view expired", how long until requests were
 * fine again, and whether every comment answered with a redirect (acknowledged) is in the database.
 */
public final class SessionLoad implements AutoCloseable {

    /** A request slower than this counts as not served normally (waiting on a dead or hung node). */
    private static final long SLOW_NANOS = Duration.ofSeconds(2).toNanos();

    private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    private final List<Write> acknowledged = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService threads;
    private final List<Future<?>> running = new ArrayList<>();
    private final long deadline;
    private volatile long faultAt = Long.MAX_VALUE;

    private SessionLoad(List<SignedInUser> users, Duration duration, boolean writes) {
        this.deadline = System.nanoTime() + duration.toNanos();
        this.threads = Executors.newFixedThreadPool(users.size());
        for (SignedInUser user : users) {
            running.add(threads.submit(() -> run(user, writes)));
        }
    }

    public static SessionLoad start(List<SignedInUser> users, Duration duration) {
        return new SessionLoad(users, duration, true);
    }

    public static SessionLoad readsOnly(List<SignedInUser> users, Duration duration) {
        return new SessionLoad(users, duration, false);
    }

    /** When the fault was injected ({@link System#nanoTime()}); the report compares before with after. */
    public void markFault(long nanoTime) {
        faultAt = nanoTime;
    }

    private void run(SignedInUser user, boolean writes) {
        String page = "issues/view.xhtml?id=" + user.issueId();
        for (int round = 0;
                System.nanoTime() < deadline && !Thread.currentThread().isInterrupted();
                round++) {
            Document shown = read(user, page);
            if (writes && shown != null && round % 3 == 2) {
                comment(user, shown);
            }
        }
    }

    private Document read(SignedInUser user, String page) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = user.web().http().get(page);
            Outcome outcome = judge(response, true);
            samples.add(new Sample(start, System.nanoTime(), outcome, response.statusCode()));
            return outcome == Outcome.OK
                    ? WebForms.parse(response, user.web().http().uri(page))
                    : null;
        } catch (RuntimeException e) {
            samples.add(new Sample(start, System.nanoTime(), Outcome.FAILED, 0));
            noAnswer(e);
            return null;
        }
    }

    private void comment(SignedInUser user, Document page) {
        String marker = "load-" + UUID.randomUUID();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = user.web()
                    .submit(page, "issueForm", "issueForm:addComment", Map.of("issueForm:body", "Comment " + marker));
            Outcome outcome = response.statusCode() == 302 ? afterComment(response) : judge(response, false);
            samples.add(new Sample(start, System.nanoTime(), outcome, response.statusCode()));
            if (outcome == Outcome.OK) {
                acknowledged.add(new Write(user.issueId(), marker));
            }
        } catch (RuntimeException e) {
            samples.add(new Sample(start, System.nanoTime(), Outcome.FAILED, 0));
            noAnswer(e);
        }
    }

    /** A request that got no HTTP answer at all, said on the test's output (which exception, and why). */
    private static void noAnswer(RuntimeException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        System.out.println("[load] no answer: " + cause);
    }

    /**
     * A comment is acknowledged only by the redirect to it ({@code view.xhtml?id=...#comment-...}); a redirect to the
     * sign-in page is a lost session, any other (the same page again: its view state was gone) an expired view.
     */
    private static Outcome afterComment(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElse("");
        if (location.contains("#comment-")) {
            return Outcome.OK;
        }
        return location.contains("signin.xhtml") ? Outcome.SIGNED_OUT : Outcome.EXPIRED;
    }

    private static Outcome redirected(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElse("");
        return location.contains("signin.xhtml") ? Outcome.SIGNED_OUT : Outcome.OK;
    }

    private static Outcome judge(HttpResponse<String> response, boolean pageExpected) {
        int status = response.statusCode();
        if (status == 302) {
            return redirected(response) == Outcome.SIGNED_OUT ? Outcome.SIGNED_OUT : Outcome.FAILED;
        }
        if (status == 400 || response.body().contains("This form is no longer valid")) {
            return Outcome.EXPIRED;
        }
        if (status != 200 || !pageExpected) {
            return Outcome.FAILED; // a post answered with a page, not a redirect, did not go through
        }
        if (!response.body().contains("id=\"signOut\"")) {
            return Outcome.SIGNED_OUT;
        }
        return Outcome.OK;
    }

    /** Waits for the load to end (it ends by itself at its deadline) and sums it up. */
    public Report await() {
        try {
            for (Future<?> thread : running) {
                thread.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            threads.shutdownNow();
        }
        synchronized (samples) {
            return new Report(List.copyOf(samples), List.copyOf(acknowledged), faultAt);
        }
    }

    /** Stops the load at once (a test that failed before {@link #await}). */
    @Override
    public void close() {
        threads.shutdownNow();
    }

    enum Outcome {
        OK,
        FAILED,
        SIGNED_OUT,
        EXPIRED
    }

    record Sample(long start, long end, Outcome outcome, int status) {

        boolean bad() {
            return outcome != Outcome.OK || end - start > SLOW_NANOS;
        }

        double millis() {
            return (end - start) / 1e6;
        }
    }

    record Write(String issueId, String marker) {}

    /** What the load saw, before and after the fault. */
    public record Report(List<Sample> samples, List<Write> writes, long faultAt) {

        public long requests() {
            return samples.size();
        }

        public long forcedSignIns() {
            return count(Outcome.SIGNED_OUT);
        }

        public long expiredViews() {
            return count(Outcome.EXPIRED);
        }

        public long failedAfterFault() {
            return samples.stream()
                    .filter(s -> s.end() >= faultAt && s.outcome() == Outcome.FAILED)
                    .count();
        }

        /** Failed requests by HTTP status (0: no answer at all). */
        public Map<Integer, Long> failuresByStatus() {
            return samples.stream()
                    .filter(s -> s.outcome() == Outcome.FAILED)
                    .collect(Collectors.groupingBy(Sample::status, TreeMap::new, Collectors.counting()));
        }

        /**
         * Seconds from the fault until the end of the last request that failed or took over 2 s: after it, every
         * request was served normally. 0 when the fault cost nothing.
         */
        public double recoverySeconds() {
            return samples.stream().filter(s -> s.end() >= faultAt && s.bad()).mapToLong(Sample::end).max().stream()
                    .mapToDouble(end -> (end - faultAt) / 1e9)
                    .findFirst()
                    .orElse(0);
        }

        /**
         * Seconds from the fault until requests were routed around it: the start of the first 4 s in which every
         * request started was served normally. Unlike {@link #recoverySeconds}, a later single slow request (nginx
         * trying a hung instance again once per {@code fail_timeout}) does not count against it; it is in the
         * failures and the p99.
         */
        public double routedAroundSeconds() {
            long window = Duration.ofSeconds(4).toNanos();
            List<Sample> after = samples.stream()
                    .filter(s -> s.start() >= faultAt)
                    .sorted(java.util.Comparator.comparingLong(Sample::start))
                    .toList();
            for (int i = 0; i < after.size(); i++) {
                long from = after.get(i).start();
                boolean clean = after.stream()
                        .filter(s -> s.start() >= from && s.start() < from + window)
                        .noneMatch(Sample::bad);
                boolean windowFits = after.get(after.size() - 1).start() >= from + window;
                if (clean && windowFits) {
                    return (from - faultAt) / 1e9;
                }
            }
            return Double.POSITIVE_INFINITY;
        }

        public long writesAcknowledged() {
            return writes.size();
        }

        /** The acknowledged comments that the database does not have, asked through the API. */
        public List<String> unreadAcknowledgedWrites(Tracker tracker) {
            Map<String, List<Write>> byIssue = writes.stream().collect(Collectors.groupingBy(Write::issueId));
            List<String> missing = new ArrayList<>();
            byIssue.forEach((issue, expected) -> {
                String comments = Http.jsonArray(tracker.admin().get("api/issues/" + issue + "/comments"))
                        .getValuesAs(JsonObject.class)
                        .stream()
                        .map(comment -> comment.getString("body"))
                        .collect(Collectors.joining("\n"));
                expected.stream()
                        .filter(write -> !comments.contains(write.marker()))
                        .forEach(write -> missing.add(write.marker()));
            });
            return missing;
        }

        private long count(Outcome outcome) {
            return samples.stream().filter(s -> s.outcome() == outcome).count();
        }

        private double percentile(List<Sample> of, double fraction) {
            if (of.isEmpty()) {
                return Double.NaN;
            }
            double[] millis = of.stream().mapToDouble(Sample::millis).sorted().toArray();
            return millis[Math.min(millis.length - 1, (int) Math.ceil(fraction * millis.length) - 1)];
        }

        @Override
        public String toString() {
            List<Sample> before =
                    samples.stream().filter(s -> s.end() < faultAt).toList();
            long window = Duration.ofSeconds(10).toNanos();
            List<Sample> during = samples.stream()
                    .filter(s -> s.end() >= faultAt && s.start() < faultAt + window)
                    .toList();
            return String.format(
                    "%d requests (%d writes acknowledged); failed by status %s (%d after the fault); forced sign-ins %d;"
                            + " expired views %d; routed around after %.1f s, last failed or slow request %.1f s after"
                            + " the fault; p50/p99 before %.0f/%.0f ms, in the 10 s after the fault %.0f/%.0f ms",
                    requests(),
                    writesAcknowledged(),
                    failuresByStatus(),
                    failedAfterFault(),
                    forcedSignIns(),
                    expiredViews(),
                    routedAroundSeconds(),
                    recoverySeconds(),
                    percentile(before, 0.5),
                    percentile(before, 0.99),
                    percentile(during, 0.5),
                    percentile(during, 0.99));
        }
    }
}
