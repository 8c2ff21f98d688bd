package org.issuetracker.dev;

import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * {@code mvn -Prun} (Payara Micro) and {@code mvn -Pliberty} (OpenLiberty): the whole application on one machine with
 * nothing installed. Starts a MongoDB wire-protocol server (H2 file under the data directory, so data survives
 * restarts), a real Redis, and the server with the WAR at {@code http://localhost:$HTTP_PORT/}. Ctrl-C stops all
 * three. The system property {@code issuetracker.server} ({@code payara} or {@code liberty}) chooses the server.
 *
 * <p>Environment: see {@link DevSettings}. Any application property may be set too (e.g.
 * {@code CACHE_TTL_ISSUES=PT1M}): the server inherits the environment.
 */
public final class DevServer {

    private DevServer() {}

    public static void main(String[] args) throws Exception {
        DevSettings settings = DevSettings.fromEnvironment();
        boolean liberty = DevSettings.liberty();
        DevServices services = DevServices.start(settings);
        ProcessBuilder command = liberty
                ? LibertyServer.prepare("issuetracker-dev")
                        .command(settings.httpPort(), "/", services.applicationProperties())
                : new ProcessBuilder(PayaraMicroCommand.of(settings.httpPort(), "/", services.applicationProperties()));
        DevSettings.log("Starting " + (liberty ? "OpenLiberty" : "Payara Micro") + " on http://localhost:"
                + settings.httpPort() + "/ (10 to 40 s)");
        Process server = command.inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(server, services), "dev-server-stop"));
        announceWhenReady(settings.httpPort(), server);
        int exit = server.waitFor();
        if (exit != 0) {
            DevSettings.log("The server exited with status " + exit);
        }
        // the server ended by itself: the shutdown hook stops Redis and MongoDB, whose threads would keep Maven up
        System.exit(exit == 0 ? 0 : 1);
    }

    /** Says where to go once the readiness probe answers 200, so nobody has to read the server's log. */
    private static void announceWhenReady(int httpPort, Process server) {
        Thread watcher = new Thread(
                () -> {
                    URI ready = URI.create("http://127.0.0.1:" + httpPort + "/health/ready");
                    while (server.isAlive()) {
                        if (ServerProcess.answers200(ready)) {
                            DevSettings.log("Ready: http://localhost:" + httpPort + "/  (API: /api/issues, health:"
                                    + " /health, metrics: /metrics). Ctrl-C stops everything.");
                            return;
                        }
                        ServerProcess.sleep(1000);
                    }
                },
                "dev-server-ready");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void stopAll(Process server, DevServices services) {
        DevSettings.log("Stopping the server, Redis and MongoDB...");
        server.destroy();
        try {
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        services.close();
        DevSettings.log("Stopped.");
    }
}
