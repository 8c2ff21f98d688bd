package org.issuetracker.dev;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * {@code mvn -Pcluster} (Payara Micro) and {@code mvn -Pliberty-cluster} (OpenLiberty): a cluster of instances on this
 * machine, the way production runs it. The same embedded MongoDB-wire server and Redis as {@code mvn -Prun} (and the
 * same data directory), {@code CLUSTER_SIZE} instances (2), and nginx in front of them with the production balancer
 * rules at {@code http://localhost:$HTTP_PORT/}. Payara's instances replicate their HTTP sessions to each other
 * (Hazelcast); OpenLiberty's keep them in the Redis, so any instance serves any session. Ctrl-C stops everything.
 *
 * <p>Environment, besides {@link DevServer}'s: {@code CLUSTER_SIZE} (2), {@code CLUSTER_STICKY} (true on Payara,
 * false on OpenLiberty: round-robin), {@code DEV_CLUSTER_PORT} (16900: the first Payara instance's Hazelcast port, the
 * next ones follow). The instances listen on the ports after {@code HTTP_PORT} (8081, 8082, ...) and log to
 * {@code target/cluster/<name>.log}.
 */
public final class DevCluster {

    private DevCluster() {}

    public static void main(String[] args) throws Exception {
        DevSettings settings = DevSettings.fromEnvironment();
        int size = DevSettings.intEnv("CLUSTER_SIZE", 2);
        if (size < 1 || size > 9) {
            throw new IllegalArgumentException("CLUSTER_SIZE must be between 1 and 9, was " + size);
        }
        boolean liberty = DevSettings.liberty();
        boolean sticky = Boolean.parseBoolean(DevSettings.env("CLUSTER_STICKY", liberty ? "false" : "true"));
        int firstHazelcastPort = DevSettings.intEnv("DEV_CLUSTER_PORT", 16900);
        List<Integer> httpPorts = IntStream.rangeClosed(1, size)
                .mapToObj(i -> settings.httpPort() + i)
                .toList();
        List<Integer> hazelcastPorts =
                IntStream.range(0, size).mapToObj(i -> firstHazelcastPort + i).toList();
        settings.requireFree(httpPorts);
        if (!liberty) {
            settings.requireFree(hazelcastPorts);
        }

        DevServices services = DevServices.start(settings);
        Path logs = Files.createDirectories(Path.of("target", "cluster"));
        String clusterName = "issuetracker-dev-" + UUID.randomUUID().toString().substring(0, 8);
        List<ServerProcess> instances = new java.util.concurrent.CopyOnWriteArrayList<>();
        Nginx[] balancer = new Nginx[1];
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            DevSettings.log("Stopping nginx, " + instances.size() + " instances, Redis and MongoDB...");
                            if (balancer[0] != null) {
                                balancer[0].close();
                            }
                            instances.parallelStream().forEach(ServerProcess::stop);
                            services.close();
                            DevSettings.log("Stopped.");
                        },
                        "dev-cluster-stop"));

        for (int i = 0; i < size; i++) {
            String name = (liberty ? "liberty-" : "node-") + (i + 1);
            Path log = logs.resolve(name + ".log");
            Files.deleteIfExists(log);
            if (liberty) {
                instances.add(LibertyServer.prepare("issuetracker-dev-" + name)
                        .start(httpPorts.get(i), "/", services.applicationProperties(), log, false));
            } else {
                List<String> command = PayaraMicroCommand.clustered(
                        httpPorts.get(i),
                        "/",
                        services.applicationProperties(),
                        new PayaraMicroCommand.ClusterMember(name, clusterName, hazelcastPorts.get(i), hazelcastPorts));
                instances.add(ServerProcess.start(name, httpPorts.get(i), command, log, false));
            }
            DevSettings.log("Starting " + name + " on http://127.0.0.1:" + httpPorts.get(i) + "/ (log: " + log + ")");
        }
        Map<String, Integer> byName = new LinkedHashMap<>();
        instances.forEach(instance -> byName.put(instance.name(), instance.port()));
        balancer[0] = Nginx.start(Path.of("target", "cluster", "nginx"), settings.httpPort(), byName, sticky);
        DevSettings.log("nginx on http://localhost:" + settings.httpPort() + "/ ("
                + (sticky ? "sticky sessions" : "round-robin") + "), waiting for the instances (30 to 90 s)...");
        for (ServerProcess instance : instances) {
            instance.awaitProbe("ready", Duration.ofMinutes(5));
            DevSettings.log(instance.name() + " is ready: http://127.0.0.1:" + instance.port() + "/health/ready");
        }
        DevSettings.log("Ready: http://localhost:" + settings.httpPort() + "/  (" + size + " instances behind nginx; "
                + (liberty ? "their sessions are in Redis" : "the cluster's members are on the operations page")
                + "). Ctrl-C stops everything.");
        while (instances.stream().anyMatch(ServerProcess::isAlive)) {
            Thread.sleep(1000);
        }
        DevSettings.log("Every instance has ended: see " + logs);
    }
}
