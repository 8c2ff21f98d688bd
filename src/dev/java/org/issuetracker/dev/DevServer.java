package org.issuetracker.dev;

import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code mvn -Prun}: the whole application on one machine with nothing installed. Starts a MongoDB wire-protocol
 * server (H2 file under the data directory, so data survives restarts), a real Redis, and Payara Micro with the
 * WAR at {@code http://localhost:$HTTP_PORT/}. Ctrl-C stops all three.
 *
 * <p>Environment: see {@link DevSettings}. Any application property may be set too (e.g.
 * {@code CACHE_TTL_ISSUES=PT1M}): Payara inherits the environment.
 */
public final class DevServer {

    private DevServer() {}

    public static void main(String[] args) throws Exception {
        DevSettings settings = DevSettings.fromEnvironment();
        DevServices services = DevServices.start(settings);
        List<String> command = PayaraMicroCommand.of(settings.httpPort(), "/", services.applicationProperties());
        DevSettings.log("Starting Payara Micro on http://localhost:" + settings.httpPort() + "/ (10 to 30 s)");
        Process payara = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(payara, services), "dev-server-stop"));
        announceWhenReady(settings.httpPort(), payara);
        int exit = payara.waitFor();
        if (exit != 0) {
            DevSettings.log("Payara Micro exited with status " + exit);
        }
    }

    /** Says where to go once the readiness probe answers 200, so nobody has to read Payara's log. */
    private static void announceWhenReady(int httpPort, Process payara) {
        Thread watcher = new Thread(
                () -> {
                    URI ready = URI.create("http://127.0.0.1:" + httpPort + "/health/ready");
                    while (payara.isAlive()) {
                        if (PayaraProcess.answers200(ready)) {
                            DevSettings.log("Ready: http://localhost:" + httpPort + "/  (API: /api/issues, health:"
                                    + " /health, metrics: /metrics). Ctrl-C stops everything.");
                            return;
                        }
                        PayaraProcess.sleep(1000);
                    }
                },
                "dev-server-ready");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void stopAll(Process payara, DevServices services) {
        DevSettings.log("Stopping Payara Micro, Redis and MongoDB...");
        payara.destroy();
        try {
            if (!payara.waitFor(30, TimeUnit.SECONDS)) {
                payara.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            payara.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        services.close();
        DevSettings.log("Stopped.");
    }
}
