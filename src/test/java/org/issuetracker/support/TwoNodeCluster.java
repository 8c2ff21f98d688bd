package org.issuetracker.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.issuetracker.dev.LibertyServer;
import org.issuetracker.dev.Nginx;
import org.issuetracker.dev.PayaraMicroCommand;
import org.issuetracker.dev.PayaraMicroCommand.ClusterMember;
import org.issuetracker.dev.ServerProcess;

/**
 * Two instances of the packaged WAR on the test run's MongoDB and Redis, behind nginx with the production balancer
 * rules, everything on loopback: clustered Payara Micro (sessions replicated through Hazelcast, {@link #start}) or
 * OpenLiberty (sessions in Redis, {@link #liberty}). Nodes can be killed, frozen, restarted; {@link #balancer()} is
 * where users go.
 */
public final class TwoNodeCluster implements AutoCloseable {

    /** The instances nginx tried for a request, in order ("upstream=127.0.0.1:A, 127.0.0.1:B"): the last answered. */
    private static final Pattern UPSTREAM = Pattern.compile("upstream=(?:.*, )?127\\.0\\.0\\.1:(\\d+) upstream_status");

    private final String clusterName =
            "issuetracker-it-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Integer> httpPorts = List.of(RedisServers.freePort(), RedisServers.freePort());
    private final List<Integer> hazelcastPorts = List.of(RedisServers.freePort(), RedisServers.freePort());
    private final ServerProcess[] nodes = new ServerProcess[2];
    private final LibertyServer[] libertyServers;
    private final Nginx nginx;

    private TwoNodeCluster(boolean sticky, boolean liberty) {
        libertyServers = liberty ? new LibertyServer[2] : null;
        CompletableFuture<?>[] starting = new CompletableFuture<?>[2];
        Nginx balancer = null;
        try {
            for (int i = 0; i < 2; i++) {
                int node = i;
                nodes[node] = launch(node);
                starting[node] =
                        CompletableFuture.runAsync(() -> nodes[node].awaitProbe("ready", Duration.ofMinutes(4)));
            }
            Map<String, Integer> byName = new LinkedHashMap<>();
            for (int i = 0; i < 2; i++) {
                byName.put(nodes[i].name(), httpPorts.get(i));
            }
            balancer = Nginx.start(Path.of("target", clusterName + "-nginx"), RedisServers.freePort(), byName, sticky);
            CompletableFuture.allOf(starting).join();
        } catch (RuntimeException failed) {
            if (balancer != null) {
                balancer.close();
            }
            for (ServerProcess node : nodes) {
                if (node != null) {
                    node.stop();
                }
            }
            throw failed;
        }
        nginx = balancer;
    }

    /**
     * Starts both nodes and the balancer, and waits until both are ready. Sticky, as production runs; with
     * {@code -Dit.cluster.sticky=false} round-robin instead, to compare the two (docs/clustering.md, "Stickiness").
     */
    public static TwoNodeCluster start() {
        return new TwoNodeCluster(Boolean.parseBoolean(System.getProperty("it.cluster.sticky", "true")), false);
    }

    /**
     * Two OpenLiberty instances that keep their HTTP sessions in the test run's Redis, behind nginx round-robin: no
     * stickiness, since any instance can serve any session.
     */
    public static TwoNodeCluster liberty() {
        return new TwoNodeCluster(false, true);
    }

    private ServerProcess launch(int node) {
        String name = (libertyServers == null ? "node-" : "liberty-") + (char) ('a' + node);
        Map<String, String> properties = Map.of(
                "mongodb.uri",
                "mongodb://127.0.0.1:" + Integer.getInteger("it.mongo.port"),
                "redis.address",
                "redis://127.0.0.1:" + Integer.getInteger("it.redis.port"),
                "cache.circuit.open-for",
                "PT1S",
                "bootstrap.admin.password",
                Tracker.ADMIN_PASSWORD,
                "security.password.iterations",
                "10000");
        List<String> settings = properties.entrySet().stream()
                .map(property -> property.getKey() + "=" + property.getValue())
                .toList();
        Path log = Path.of("target", clusterName + "-" + name + ".log");
        if (libertyServers != null) {
            // laid out once: a restart runs the same server again, as an operator's restart would
            if (libertyServers[node] == null) {
                libertyServers[node] = LibertyServer.prepare(clusterName + "-" + name);
            }
            return libertyServers[node].start(httpPorts.get(node), "/", settings, log, true);
        }
        List<String> command = PayaraMicroCommand.clustered(
                httpPorts.get(node),
                "/",
                settings,
                new ClusterMember(name, clusterName, hazelcastPorts.get(node), hazelcastPorts));
        return ServerProcess.start(name, httpPorts.get(node), command, log);
    }

    public ServerProcess node(int index) {
        return nodes[index];
    }

    /** The node listening on {@code port}. */
    public int indexOf(int port) {
        return httpPorts.indexOf(port);
    }

    /** Where the users' requests go: nginx. */
    public URL balancer() {
        return url(nginx.port());
    }

    /** One node directly, bypassing nginx. */
    public URL direct(int index) {
        return url(httpPorts.get(index));
    }

    /**
     * Starts a killed or stopped node again (same name and ports), waits until it is ready and until nginx sends it
     * requests again (nginx leaves out an instance that refused a connection for its {@code fail_timeout}).
     */
    public void restart(int index) {
        nodes[index].stop();
        nodes[index] = launch(index);
        nodes[index].awaitProbe("ready", Duration.ofMinutes(4));
        awaitServedByBalancer(index);
    }

    /**
     * Stops both nodes (gently, one after the other), then starts both again and waits until both are ready and
     * nginx sends each requests: a full restart, after which only what lives outside the instances remains.
     */
    public void restartBoth() {
        for (ServerProcess node : nodes) {
            node.stop();
        }
        for (int i = 0; i < 2; i++) {
            nodes[i] = launch(i);
        }
        CompletableFuture.allOf(IntStream.range(0, 2)
                        .mapToObj(i ->
                                CompletableFuture.runAsync(() -> nodes[i].awaitProbe("ready", Duration.ofMinutes(4))))
                        .toArray(CompletableFuture[]::new))
                .join();
        for (int i = 0; i < 2; i++) {
            awaitServedByBalancer(i);
        }
    }

    private void awaitServedByBalancer(int index) {
        Http balancer = new Http(balancer());
        String served = "upstream=" + "127.0.0.1:" + httpPorts.get(index) + " upstream_status=200";
        Await.until("nginx sends " + nodes[index].name() + " requests again", Duration.ofSeconds(30), () -> {
            balancer.get("/health/live");
            return accessLog().stream()
                    .skip(Math.max(0, accessLog().size() - 4))
                    .anyMatch(line -> line.contains(served));
        });
    }

    private List<String> accessLog() {
        try {
            return Files.readAllLines(nginx.accessLog());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The node that answered the latest request nginx logged for a path containing {@code pathPart}. */
    public int lastServed(String pathPart) {
        // nginx writes a request's line once the response has gone out, so the client may have the page a moment
        // before the line is there: look again for up to 3 s
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (true) {
            List<String> lines = accessLog();
            for (int i = lines.size() - 1; i >= 0; i--) {
                Matcher upstream = UPSTREAM.matcher(lines.get(i));
                if (lines.get(i).contains(pathPart) && upstream.find()) {
                    return indexOf(Integer.parseInt(upstream.group(1)));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nginx logged no request for " + pathPart);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while reading nginx's log", e);
            }
        }
    }

    /** Everything both nodes have logged so far. */
    public String logs() {
        StringBuilder all = new StringBuilder();
        for (ServerProcess node : nodes) {
            try {
                all.append(Files.readString(node.log()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all.toString();
    }

    private static URL url(int port) {
        try {
            return URI.create("http://127.0.0.1:" + port + "/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        nginx.close();
        for (ServerProcess node : nodes) {
            if (node != null) {
                node.stop();
            }
        }
    }
}
