package org.issuetracker.infrastructure.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.issuetracker.dev.Nginx;
import org.issuetracker.support.Await;
import org.issuetracker.support.Browser;
import org.issuetracker.support.Http;
import org.issuetracker.support.RedisServers;
import org.issuetracker.support.SessionLoad;
import org.issuetracker.support.SessionLoad.Report;
import org.issuetracker.support.SignedInUser;
import org.issuetracker.support.Tracker;
import org.issuetracker.support.TwoNodeCluster;
import org.issuetracker.support.WebForms;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;

/**
 * Two clustered instances behind nginx (sticky sessions, as production runs; {@code -Dit.cluster.sticky=false} for
 * round-robin), real processes on loopback: what signed-in users and operators get when a node dies, hangs, or is
 * restarted, and forms that span nodes. Each test starts and ends with both nodes ready and in one cluster, so that
 * none depends on another's order. Figures are printed as {@code [cluster] ...} lines.
 */
class ClusterIT {

    private static final int SESSIONS = 12;

    private static TwoNodeCluster cluster;
    private static Tracker tracker;
    private static List<SignedInUser> users;

    @BeforeAll
    static void startCluster() {
        cluster = TwoNodeCluster.start();
        tracker = new Tracker(new Http(cluster.balancer()));
        awaitOneCluster();
        users = IntStream.range(0, SESSIONS)
                .parallel()
                .mapToObj(i -> SignedInUser.create(tracker, cluster.balancer(), "member" + i))
                .toList();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void bothNodesAreBackInOneCluster() {
        for (int node = 0; node < 2; node++) {
            if (!cluster.node(node).isAlive()) {
                cluster.restart(node);
            }
        }
        awaitOneCluster();
    }

    @Test
    void theApplicationIsDistributableAndEverySessionSerializes() {
        users.get(0).web().page("issues/view.xhtml?id=" + users.get(0).issueId());

        String logs = cluster.logs();
        assertThat(logs)
                .as("a web-fragment.xml without <distributable/> turns replication off")
                .doesNotContain("non-distributable");
        assertThat(logs).doesNotContain("NotSerializableException").doesNotContain("InvalidClassException");
        for (int node = 0; node < 2; node++) {
            JsonObject sessions = operations(node).getJsonObject("cluster").getJsonObject("sessions");
            System.out.println("[cluster] node " + node + " holds " + sessions);
        }
        long owned = 0;
        long backups = 0;
        for (int node = 0; node < 2; node++) {
            JsonObject sessions = operations(node).getJsonObject("cluster").getJsonObject("sessions");
            owned += sessions.getJsonNumber("owned").longValue();
            backups += sessions.getJsonNumber("backups").longValue();
        }
        assertThat(backups)
                .as("backup copies: one per signed-in session at least")
                .isGreaterThanOrEqualTo(SESSIONS);
        assertThat(backups).as("every session's primary copy has its backup").isEqualTo(owned);
    }

    @Test
    void aFacesFormOpenedOnOneNodeIsSubmittedThroughTheOther() {
        // sessions of their own, signed in through the balancer, then used on both nodes directly
        List<SignedInUser> fresh = IntStream.range(0, SESSIONS)
                .parallel()
                .mapToObj(i -> SignedInUser.create(tracker, cluster.balancer(), "across" + i))
                .toList();
        // voted on by all, edited by nobody: an author's new title sends an approved issue back to the approval
        // queue, out of the other users' sight
        String neighboursIssue = tracker.filePublic(
                        tracker.newUser("voted").http(), "Voted across nodes " + UUID.randomUUID())
                .getString("id");
        for (int i = 0; i < fresh.size(); i++) {
            SignedInUser user = fresh.get(i);
            WebForms onA = new WebForms(user.web().http().at(cluster.direct(0)));
            WebForms onB = new WebForms(user.web().http().at(cluster.direct(1)));
            String title = "Edited across nodes " + UUID.randomUUID();

            Document form = readsForAMoment(onA.page("issues/edit.xhtml?id=" + user.issueId()));
            Document saved = readsForAMoment(
                    onB.submitAndFollow(form, "issueForm", "issueForm:save", Map.of("issueForm:title", title)));
            assertThat(saved.select("#issueTitle").text()).isEqualTo(title);
            assertThat(saved.select("#signOut"))
                    .as("still signed in on the other node")
                    .isNotEmpty();

            // and back: the issue page B showed, its comment form sent through A; a vote from A's page sent to B
            Document commented = onA.submitAndFollow(
                    readsForAMoment(saved),
                    "issueForm",
                    "issueForm:addComment",
                    Map.of("issueForm:body", "Across nodes " + title));
            assertThat(commented.select(".comment-body").eachText()).contains("Across nodes " + title);

            Document neighbours = readsForAMoment(onA.page("issues/view.xhtml?id=" + neighboursIssue));
            int votes = Integer.parseInt(neighbours.select("#voteCount").text());
            Document voted = onB.submitAndFollow(neighbours, "actions", "actions:vote", Map.of());
            assertThat(voted.select("#voteCount").text()).isEqualTo(String.valueOf(votes + 1));
        }
    }

    @Test
    void killingTheNodeThatServedTheLastRequestForcesNobodyToSignInAgainAndLosesNoWrite() throws Exception {
        SignedInUser chromiumUser = SignedInUser.create(tracker, cluster.balancer(), "chromium");
        try (Browser browser = new Browser(cluster.balancer().toURI())) {
            browserSignsIn(browser, chromiumUser);
            SessionLoad load = SessionLoad.start(users, Duration.ofSeconds(25));
            Thread.sleep(5_000); // a steady load first
            browser.open("issues/edit.xhtml?id=" + chromiumUser.issueId());
            int victim = cluster.lastServed("/issues/edit.xhtml");

            long killedAt = System.nanoTime();
            cluster.node(victim).kill();
            load.markFault(killedAt);

            String title = "Saved after its node died " + UUID.randomUUID();
            browser.find("[id='issueForm:title']").clear();
            browser.find("[id='issueForm:title']").sendKeys(title);
            browser.clickAndWait("[id='issueForm:save']");
            assertThat(browser.text("#issueTitle"))
                    .as("the form's view state came from the other node")
                    .isEqualTo(title);
            browser.find("[id='issueForm:body']").sendKeys("Commented after the failover");
            browser.clickAndWait("[id='issueForm:addComment']");
            assertThat(browser.findAll(".comment-body").stream().map(e -> e.getText()))
                    .contains("Commented after the failover");
            browser.open("issues/view.xhtml?id=" + users.get(0).issueId());
            int votes = voteCount(browser);
            browser.clickAndWait("[id='actions:vote']");
            assertThat(voteCount(browser)).isEqualTo(votes + 1);
            assertThat(browser.findAll("#signOut"))
                    .as("Chromium is still signed in")
                    .isNotEmpty();

            Report report = load.await();
            System.out.println("[cluster] kill -9 of node " + victim + " under load: " + report);
            assertThat(report.forcedSignIns()).as("forced re-logins").isZero();
            assertThat(report.expiredViews()).as("'view expired' answers").isZero();
            assertThat(report.failedAfterFault())
                    .as("failed requests: at most the one in flight per client on the killed node")
                    .isLessThanOrEqualTo(SESSIONS);
            assertThat(report.routedAroundSeconds())
                    .as("seconds until requests no longer go to the killed node")
                    .isLessThan(10);
            assertThat(report.unreadAcknowledgedWrites(tracker))
                    .as("comments answered 2xx that are not in MongoDB")
                    .isEmpty();
            assertThat(report.writesAcknowledged()).isPositive();
        }
        for (SignedInUser user : users) {
            assertThat(user.isSignedIn())
                    .as(user.username() + " is still signed in")
                    .isTrue();
        }
    }

    @Test
    void aHungNodeIsRoutedAroundWithinSecondsAndRejoinsTheSameCluster() throws Exception {
        List<SignedInUser> some = users.subList(0, 6);
        SessionLoad load = SessionLoad.readsOnly(some, Duration.ofSeconds(30));
        Thread.sleep(3_000);
        long frozenAt = System.nanoTime();
        cluster.node(1).freeze();
        load.markFault(frozenAt);
        Thread.sleep(17_000);
        cluster.node(1).thaw();
        long thawedAt = System.nanoTime();
        awaitOneCluster();
        System.out.printf(
                "[cluster] after SIGCONT: one cluster of 2 again within %.1f s%n",
                (System.nanoTime() - thawedAt) / 1e9);
        Report report = load.await();
        System.out.println("[cluster] SIGSTOP of node 1 for 17 s under load: " + report);

        assertThat(report.forcedSignIns()).isZero();
        assertThat(report.expiredViews()).isZero();
        assertThat(report.routedAroundSeconds())
                .as("seconds until requests no longer wait for the hung node")
                .isLessThanOrEqualTo(10);
        assertThat(report.failedAfterFault())
                .as("failed requests: at most the one each client had in flight on the hung node")
                .isLessThanOrEqualTo(some.size());
        for (SignedInUser user : some) {
            assertThat(user.isSignedIn())
                    .as(user.username() + " is still signed in")
                    .isTrue();
        }

        // The requests the hung node still had queued ran after SIGCONT on its own copies of their sessions, which
        // the merge does not reconcile: a node that was paused for longer than the cluster waits (and whichever node
        // merged into the other) asks for a restart through its liveness probe. Restarting them, one at a time as an
        // orchestrator does on liveness, brings every session back to the cluster's copy.
        List<Integer> askingForRestart = IntStream.range(0, 2)
                .filter(node ->
                        new Http(cluster.direct(node)).get("/health/live").statusCode() == 503)
                .boxed()
                .toList();
        assertThat(askingForRestart)
                .as("nodes whose liveness asks for a restart")
                .contains(1);
        assertThat(new Http(cluster.direct(1)).get("/health/live").body()).contains("rejoinedAfterSplitAt");
        Report beforeRestart = SessionLoad.start(some, Duration.ofSeconds(10)).await();
        System.out.println("[cluster] the 10 s after the merge, nodes " + askingForRestart + " not yet restarted: "
                + beforeRestart);
        for (int node : askingForRestart) {
            cluster.restart(node);
            awaitOneCluster();
        }
        Report afterRestart = SessionLoad.start(some, Duration.ofSeconds(10)).await();
        System.out.println("[cluster] the 10 s after restarting them: " + afterRestart);
        assertThat(afterRestart.failuresByStatus())
                .as("failures once they restarted")
                .isEmpty();
        assertThat(afterRestart.writesAcknowledged()).isPositive();
        for (int node = 0; node < 2; node++) {
            assertThat(new Http(cluster.direct(node)).get("/health/live").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void everySessionSurvivesARollingRestartAndARestartedNodeBuildsPagesAsTheOtherDoes() {
        for (int node = 0; node < 2; node++) {
            long start = System.nanoTime();
            cluster.restart(node);
            awaitOneCluster();
            System.out.printf(
                    "[cluster] rolling restart: node %d back in the cluster after %.1f s%n",
                    node, (System.nanoTime() - start) / 1e9);
            for (SignedInUser user : users) {
                assertThat(user.isSignedIn())
                        .as(user.username() + " after restarting node " + node)
                        .isTrue();
            }
        }

        // Node 1 has just restarted and built no page yet. Several people open the issue page on it at once, so
        // its first builds of the page run together: the page must still get the same component ids as on node 0,
        // because the view state one node saved is restored by the other by those ids.
        IntStream.range(0, 8).parallel().forEach(i -> users.get(4 + i)
                .web()
                .http()
                .at(cluster.direct(1))
                .get("issues/view.xhtml?id=" + users.get(i).issueId()));
        SignedInUser user = users.get(2);
        String neighboursIssue = users.get(3).issueId();
        WebForms onA = new WebForms(user.web().http().at(cluster.direct(0)));
        WebForms onB = new WebForms(user.web().http().at(cluster.direct(1)));
        Document page = readsForAMoment(onB.page("issues/view.xhtml?id=" + neighboursIssue));
        assertThat(componentIds(page))
                .as("the components of one page have the same ids on both nodes")
                .isEqualTo(componentIds(onA.page("issues/view.xhtml?id=" + neighboursIssue)));

        String body = "Sent through the other node " + UUID.randomUUID();
        Document commented =
                onA.submitAndFollow(page, "issueForm", "issueForm:addComment", Map.of("issueForm:body", body));
        assertThat(commented.select(".comment-body").eachText()).contains(body);
        int votes = Integer.parseInt(commented.select("#voteCount").text());
        Document voted = onB.submitAndFollow(readsForAMoment(commented), "actions", "actions:vote", Map.of());
        assertThat(voted.select("#voteCount").text()).isEqualTo(String.valueOf(votes + 1));
    }

    @Test
    void aWriteOnOneNodeIsNeverFollowedByAStaleReadOnTheOther() {
        SignedInUser author = users.get(1);
        Http onA = author.api().at(cluster.direct(0));
        Http onB = author.api().at(cluster.direct(1));
        for (int round = 0; round < 10; round++) {
            Http writer = round % 2 == 0 ? onA : onB;
            Http reader = round % 2 == 0 ? onB : onA;
            String label = "round-" + round + "-" + UUID.randomUUID().toString().substring(0, 8);
            // the reader's node keeps the issue and a list that does not hold it yet, each as a finished answer
            assertThat(reader.get("api/issues/" + author.issueId()).statusCode())
                    .isEqualTo(200);
            assertThat(Http.json(reader.get("api/issues?label=" + label)).getInt("total"))
                    .isZero();
            String title = "Round " + round + " " + UUID.randomUUID();
            HttpResponse<String> edited = writer.put(
                    "api/issues/" + author.issueId(),
                    Http.jsonBody(Map.of(
                            "title",
                            title,
                            "description",
                            "Edited on one node, read on the other.",
                            "categoryId",
                            tracker.id("categories", "Bug"),
                            "labels",
                            List.of(label))));
            assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);

            assertThat(Http.json(reader.get("api/issues/" + author.issueId())).getString("title"))
                    .as("the issue on the other node right after the write, round " + round)
                    .isEqualTo(title);
            assertThat(Http.json(reader.get("api/issues?label=" + label)).getInt("total"))
                    .as("the list on the other node right after the write, round " + round)
                    .isEqualTo(1);
        }
    }

    @Test
    void behindATlsProxyTheSessionCookieIsSecureAndRedirectsStayOnTheProxy() {
        Http direct = new Http(cluster.direct(0));
        Document form = new WebForms(direct).page("signin.xhtml");
        HttpResponse<String> signedIn = new WebForms(direct)
                .submit(
                        form,
                        "signInForm",
                        "signInForm:submit",
                        Map.of("signInForm:username", "admin", "signInForm:password", Tracker.ADMIN_PASSWORD),
                        "X-Forwarded-Proto",
                        "https");

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow())
                .startsWith("https://127.0.0.1:" + cluster.direct(0).getPort() + "/");
        assertThat(signedIn.headers().allValues("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("Secure"));

        HttpResponse<String> throughNginx = new Http(cluster.balancer()).get("profile.xhtml");
        assertThat(throughNginx.statusCode()).isEqualTo(302);
        assertThat(throughNginx.headers().firstValue("Location").orElseThrow())
                .as("the redirect names the balancer, not the node behind it")
                .startsWith(cluster.balancer().toString());
    }

    @Test
    void theProductionBalancerServesHttpsWithHstsSendsPlainHttpThereAndTheSessionCookieIsSecure() throws Exception {
        Path directory = Path.of("target", "production-nginx");
        Path certificate = directory.resolve("tls.crt");
        Path key = directory.resolve("tls.key");
        selfSigned(certificate, key);
        int http = RedisServers.freePort();
        int https = RedisServers.freePort();
        Nginx production = Nginx.startProduction(
                directory,
                http,
                https,
                List.of(cluster.direct(0).getPort(), cluster.direct(1).getPort()),
                certificate,
                key);
        try {
            HttpResponse<String> plain = new Http(new URL("http://127.0.0.1:" + http + "/")).get("signin.xhtml");
            assertThat(plain.statusCode()).isEqualTo(301);
            assertThat(plain.headers().firstValue("Location")).hasValue("https://127.0.0.1/signin.xhtml");

            WebForms overTls =
                    new WebForms(Http.overTls(new URL("https://127.0.0.1:" + https + "/"), trusting(certificate)));
            HttpResponse<String> page = overTls.http().get("signin.xhtml");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
            HttpResponse<String> signedIn = overTls.submit(
                    WebForms.parse(page, overTls.http().uri("signin.xhtml")),
                    "signInForm",
                    "signInForm:submit",
                    Map.of("signInForm:username", "admin", "signInForm:password", Tracker.ADMIN_PASSWORD));
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElseThrow())
                    .as("the application builds its redirects from what nginx forwarded")
                    .startsWith("https://127.0.0.1:" + https + "/");
            assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                    .startsWith("JSESSIONID=")
                    .contains("Secure")
                    .contains("HttpOnly"));
            assertThat(overTls.follow(signedIn).select("#signOut")).isNotEmpty();
        } finally {
            production.close();
        }
    }

    /** A self-signed certificate for 127.0.0.1 and its key (openssl), valid for two days. */
    private static void selfSigned(Path certificate, Path key) throws Exception {
        Files.createDirectories(certificate.getParent());
        Process openssl = new ProcessBuilder(
                        "openssl",
                        "req",
                        "-x509",
                        "-newkey",
                        "rsa:2048",
                        "-nodes",
                        "-days",
                        "2",
                        "-subj",
                        "/CN=127.0.0.1",
                        "-addext",
                        "subjectAltName=IP:127.0.0.1",
                        "-keyout",
                        key.toString(),
                        "-out",
                        certificate.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(openssl.getInputStream().readAllBytes());
        assertThat(openssl.waitFor()).as(output).isZero();
    }

    /** TLS that trusts this one certificate only. */
    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (var in = Files.newInputStream(certificate)) {
            store.setCertificateEntry(
                    "nginx", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    @Test
    void changingThePasswordOnOneNodeEndsTheAccountsSessionOnTheOther() {
        Tracker.User user = tracker.newUser("rotating");
        WebForms onA = new WebForms(new Http(cluster.direct(0)));
        onA.signIn(user.username(), Tracker.PASSWORD);
        WebForms onB = new WebForms(new Http(cluster.direct(1)));
        onB.signIn(user.username(), Tracker.PASSWORD);
        assertThat(onB.page("profile.xhtml").select("#signOut")).isNotEmpty();

        onA.submitAndFollow(
                onA.page("profile.xhtml"),
                "password",
                "password:changePassword",
                Map.of(
                        "password:currentPassword", Tracker.PASSWORD,
                        "password:newPassword", "rotated-on-node-a",
                        "password:repeatPassword", "rotated-on-node-a"));

        assertThat(onA.page("profile.xhtml").select("#signOut"))
                .as("the session that changed it")
                .isNotEmpty();
        HttpResponse<String> onTheOther = onB.http().get("profile.xhtml");
        assertThat(onTheOther.statusCode())
                .as("the account's session on the other node is over: sent to sign in")
                .isEqualTo(302);
    }

    @Test
    void theBalancerAnswersWhatItRefusesItselfAsProblemJson() {
        Http balancer = new Http(cluster.balancer());
        HttpResponse<String> tooLarge = balancer.postJson("api/issues", "\"" + "x".repeat(1_100_000) + "\"");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(balancer.get("/metrics").statusCode())
                .as("metrics are scraped per instance")
                .isEqualTo(404);
        assertThat(balancer.get("/metrics;x=1").statusCode())
                .as("not even with a path parameter")
                .isEqualTo(404);
        assertThat(balancer.get("/health/ready").statusCode()).isEqualTo(200);
    }

    /** A person reads a page before they send its form: the tests leave the same half second. */
    private static Document readsForAMoment(Document page) {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return page;
    }

    /** The ids of a page's elements and the names of its fields, in document order. */
    private static List<String> componentIds(Document page) {
        return page.select("[id], [name]").stream()
                .map(element -> element.id() + " " + element.attr("name"))
                .toList();
    }

    /** Both nodes see the same two members, and every session has its backup. */
    private static void awaitOneCluster() {
        Await.until("both nodes in one cluster of 2 with every session backed up", Duration.ofSeconds(90), () -> {
            List<List<String>> views = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                JsonObject report = operationsOrNull(node);
                if (report == null) {
                    return false;
                }
                JsonObject view = report.getJsonObject("cluster");
                if (view.getInt("size") != 2 || !view.getBoolean("backupsInSync", false)) {
                    return false;
                }
                views.add(view.getJsonArray("members").getValuesAs(JsonObject.class).stream()
                        .map(member -> member.getString("address"))
                        .sorted()
                        .toList());
            }
            return views.get(0).equals(views.get(1));
        });
    }

    private static JsonObject operations(int node) {
        HttpResponse<String> response = tracker.admin().at(cluster.direct(node)).get("api/admin/operations");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private static JsonObject operationsOrNull(int node) {
        try {
            HttpResponse<String> response =
                    tracker.admin().at(cluster.direct(node)).get("api/admin/operations");
            return response.statusCode() == 200 ? Http.json(response) : null;
        } catch (RuntimeException notAnswering) {
            return null;
        }
    }

    /** The issue page's vote count, once the page shows it; fails with what the page shows instead, and its picture. */
    private static int voteCount(Browser browser) {
        try {
            return Integer.parseInt(browser.waitUntil(driver -> driver.findElements(By.id("voteCount")).stream()
                    .map(WebElement::getText)
                    .filter(text -> text.matches("\\d+"))
                    .findFirst()
                    .orElse(null)));
        } catch (TimeoutException notThere) {
            Path picture = browser.screenshot("cluster-not-an-issue-page");
            throw new AssertionError("no vote count on " + browser.driver().getTitle() + " at "
                    + browser.driver().getCurrentUrl() + " (" + picture + ")");
        }
    }

    private static void browserSignsIn(Browser browser, SignedInUser user) {
        browser.open("signin.xhtml");
        browser.find("[id='signInForm:username']").sendKeys(user.username());
        browser.find("[id='signInForm:password']").sendKeys(Tracker.PASSWORD);
        browser.clickAndWait("[id='signInForm:submit']");
        assertThat(browser.findAll("#signOut")).isNotEmpty();
    }
}
