package org.issuetracker.infrastructure.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.issuetracker.support.Http;
import org.issuetracker.support.RedisServers;
import org.issuetracker.support.SignedInUser;
import org.issuetracker.support.TestServices;
import org.issuetracker.support.Tracker;
import org.issuetracker.support.TwoNodeCluster;
import org.issuetracker.support.WebForms;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two OpenLiberty instances behind nginx round-robin, their HTTP sessions in the test run's Redis
 * (server-config/liberty: sessionCache-1.0 with Redisson): a signed-in user goes on through either instance, after
 * one is killed, and after both are restarted; with Redis down, signing in is refused with a clear page and the
 * instances stay up; a Redis that comes back empty has signed everyone out. Figures are printed as {@code [liberty-cluster] ...} lines.
 */
class LibertyClusterIT {

    private static final int SESSIONS = 3;
    private static final String SESSION_METADATA = "com.ibm.ws.session.meta.default_host%2F";

    private static TwoNodeCluster cluster;
    private static Tracker tracker;

    @BeforeAll
    static void startCluster() {
        long start = System.nanoTime();
        cluster = TwoNodeCluster.liberty();
        System.out.printf(
                "[liberty-cluster] both instances ready in %d s%n", (System.nanoTime() - start) / 1_000_000_000);
        tracker = new Tracker(new Http(cluster.balancer()));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void signedInUsersGoOnThroughEitherInstanceAfterOneIsKilledAndAfterBothRestart() {
        long sessionsBefore = sessionsInRedis();
        List<SignedInUser> users = IntStream.range(0, SESSIONS)
                .mapToObj(i -> SignedInUser.create(tracker, cluster.balancer(), "liberty" + i))
                .toList();
        assertThat(sessionsInRedis() - sessionsBefore)
                .as("sessions Redis holds for the users who signed in")
                .isGreaterThanOrEqualTo(SESSIONS);

        // a Faces form opened on one instance and posted to the other: the view state travels in the session
        for (SignedInUser user : users) {
            assertThat(signedInOn(user, 0))
                    .as(user.username() + " on instance a")
                    .isTrue();
            assertThat(signedInOn(user, 1))
                    .as(user.username() + " on instance b")
                    .isTrue();
            editAcross(user, 0, 1);
        }

        cluster.node(0).kill();
        for (SignedInUser user : users) {
            assertThat(user.isSignedIn())
                    .as(user.username() + " after instance a was killed")
                    .isTrue();
            editAcross(user, 1, 1);
        }

        long restart = System.nanoTime();
        cluster.restartBoth();
        System.out.printf(
                "[liberty-cluster] both instances stopped and ready again in %d s%n",
                (System.nanoTime() - restart) / 1_000_000_000);
        for (SignedInUser user : users) {
            assertThat(user.isSignedIn())
                    .as(user.username() + " after both instances restarted")
                    .isTrue();
            editAcross(user, 1, 0);
        }
    }

    @Test
    void withRedisDownSigningInIsRefusedClearlyAndTheApiGoesOn() {
        SignedInUser earlier = SignedInUser.create(tracker, cluster.balancer(), "before-outage");
        Tracker.User newcomer = tracker.newUser("during-outage");
        TestServices.redis().stop();
        try {
            WebForms web = new WebForms(new Http(cluster.balancer()));
            HttpResponse<String> refused = web.submit(
                    web.page("signin.xhtml"),
                    "signInForm",
                    "signInForm:submit",
                    Map.of("signInForm:username", newcomer.username(), "signInForm:password", Tracker.PASSWORD));
            System.out.printf(
                    "[liberty-cluster] sign-in with Redis down: %d, %s%n",
                    refused.statusCode(),
                    refused.headers().firstValue("Location").orElse("no redirect"));
            assertThat(refused.statusCode())
                    .as("the sign-in post with Redis down")
                    .isEqualTo(503);
            WebForms.assertNoStackTrace(refused.body());
            assertThat(refused.body()).contains("temporarily");

            assertThat(earlier.isSignedIn())
                    .as("an earlier session cannot be read while Redis is down")
                    .isFalse();
            assertThat(newcomer.http().get("api/me").statusCode())
                    .as("the API needs no session")
                    .isEqualTo(200);
            assertThat(cluster.node(0).isAlive() && cluster.node(1).isAlive()).isTrue();
        } finally {
            TestServices.redis().start();
        }
        // this Redis keeps nothing on disk, as one without persistence: it came back empty, so the earlier session
        // is gone, and its user is sent to sign in again (not shown an error)
        HttpResponse<String> profile = earlier.web().http().get("profile.xhtml");
        assertThat(profile.statusCode())
                .as("the earlier session's page after Redis came back empty")
                .isEqualTo(302);
        assertThat(profile.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).contains("signin.xhtml"));
        assertThat(new WebForms(new Http(cluster.balancer()))
                        .signIn(newcomer.username(), Tracker.PASSWORD)
                        .select(".notice-info")
                        .text())
                .isEqualTo("You are signed in.");
    }

    private static boolean signedInOn(SignedInUser user, int node) {
        HttpResponse<String> profile =
                user.web().http().at(cluster.direct(node)).get("profile.xhtml");
        return profile.statusCode() == 200 && profile.body().contains("id=\"signOut\"");
    }

    /** Opens the user's issue for editing on instance {@code from} and saves it through instance {@code to}. */
    private static void editAcross(SignedInUser user, int from, int to) {
        WebForms opened = new WebForms(user.web().http().at(cluster.direct(from)));
        WebForms saving = new WebForms(user.web().http().at(cluster.direct(to)));
        String title = "Edited on Liberty " + UUID.randomUUID();
        Document form = opened.page("issues/edit.xhtml?id=" + user.issueId());
        Document saved = saving.submitAndFollow(form, "issueForm", "issueForm:save", Map.of("issueForm:title", title));
        assertThat(saved.select("#issueTitle").text())
                .as(user.username() + ": a form from instance " + from + " saved through " + to)
                .isEqualTo(title);
    }

    /** How many sessions the Liberty instances keep in Redis (the entries of their session metadata cache). */
    private static long sessionsInRedis() {
        String count = RedisServers.cli(
                        "-p", String.valueOf(Integer.getInteger("it.redis.port")), "HLEN", SESSION_METADATA)
                .trim();
        return count.isEmpty() ? 0 : Long.parseLong(count);
    }
}
