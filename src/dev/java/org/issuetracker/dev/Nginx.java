package org.issuetracker.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx as the load balancer of instances on this machine (the dev cluster and the cluster test), with the
 * production proxying rules of {@code server-config/nginx/issuetracker-proxy.conf} included as they are: only the
 * surroundings differ (a listener on 127.0.0.1, the instances' loopback ports, files under {@code directory}). The
 * access log names the instance that answered each request ({@code upstream=127.0.0.1:port}).
 */
public final class Nginx implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final Path directory;
    private final int port;

    private Nginx(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /**
     * Starts nginx on {@code 127.0.0.1:port} in front of the instances (name to port, in order), sticky or
     * round-robin (see {@link #configuration}), and waits until it answers.
     */
    public static Nginx start(Path directory, int port, Map<String, Integer> instances, boolean sticky) {
        try {
            Files.createDirectories(directory.resolve("logs"));
            Path config = directory.resolve("nginx.conf");
            Files.writeString(config, configuration(directory.toAbsolutePath(), port, instances, sticky));
            return run(directory, config, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs nginx on {@code config} and waits until it answers on {@code port}. */
    private static Nginx run(Path directory, Path config, int port) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(
                    BINARY + " is missing: src/test/scripts/ensure-test-tools.sh nginx installs it");
        }
        Process process = new ProcessBuilder(
                        BINARY.toString(),
                        "-p",
                        directory.toAbsolutePath().toString(),
                        "-c",
                        config.toAbsolutePath().toString(),
                        "-e",
                        directory.toAbsolutePath().resolve("logs/error.log").toString(),
                        "-g",
                        "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("logs/nginx.out").toFile())
                .start();
        Nginx nginx = new Nginx(process, directory, port);
        Runtime.getRuntime().addShutdownHook(new Thread(nginx::close, "stop-nginx"));
        try {
            nginx.awaitUp();
        } catch (RuntimeException notUp) {
            nginx.close();
            throw notUp;
        }
        return nginx;
    }

    /**
     * Starts nginx with the production configuration itself, {@code server-config/nginx/nginx.conf}, moved onto
     * loopback: its plain HTTP server on {@code httpPort}, its TLS server on {@code httpsPort} with the given
     * certificate, and its instances {@code app-1}, {@code app-2}, ... on the given ports in turn (more names than
     * ports: they wrap around). What it changes is only where things are; {@link #loopback} says what.
     */
    public static Nginx startProduction(
            Path directory, int httpPort, int httpsPort, List<Integer> instances, Path certificate, Path key) {
        try {
            Files.createDirectories(directory.resolve("logs"));
            Path config = directory.resolve("nginx.conf");
            Files.writeString(
                    config,
                    loopback(
                            Files.readString(Path.of("server-config", "nginx", "nginx.conf")),
                            directory.toAbsolutePath(),
                            httpPort,
                            httpsPort,
                            instances,
                            certificate.toAbsolutePath(),
                            key.toAbsolutePath()));
            return run(directory, config, httpPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The production configuration with only its places changed: listening on 127.0.0.1 (no IPv6), the instances'
     * names replaced by loopback ports and not looked up again ({@code resolve} and Docker's {@code resolver} need a
     * DNS; nginx before 1.27.3 has no {@code resolve}), the certificate, the included rules, the pid and logs in
     * {@code directory}, and no {@code http2} line (nginx before 1.25.1, Debian's 1.22, has no such directive; the
     * protocol is not what is tested). Fails when the file has changed so that a replacement no longer applies.
     */
    static String loopback(
            String production,
            Path directory,
            int httpPort,
            int httpsPort,
            List<Integer> instances,
            Path certificate,
            Path key) {
        Path rules =
                Path.of("server-config", "nginx", "issuetracker-proxy.conf").toAbsolutePath();
        String config = replaceOnce(production, "pid /tmp/nginx.pid;", "pid " + directory + "/nginx.pid;");
        config = replaceOnce(config, "listen 80;", "listen 127.0.0.1:" + httpPort + ";");
        config = replaceOnce(config, "listen 443 ssl;", "listen 127.0.0.1:" + httpsPort + " ssl;");
        config = replaceOnce(config, "/etc/nginx/tls/tls.crt", certificate.toString());
        config = replaceOnce(config, "/etc/nginx/tls/tls.key", key.toString());
        config = replaceOnce(config, "/etc/nginx/issuetracker-proxy.conf", rules.toString());
        config = replaceOnce(config, "access_log /dev/stdout;", "access_log " + directory + "/logs/access.log;");
        config = replaceOnce(
                config, "access_log /dev/stdout upstream;", "access_log " + directory + "/logs/access.log upstream;");
        config = replaceOnce(config, "error_log /dev/stderr warn;", "error_log " + directory + "/logs/error.log warn;");
        config = replaceOnce(
                config,
                "http {",
                "http {\n    client_body_temp_path %1$s/client_body;\n    proxy_temp_path %1$s/proxy;\n"
                                .formatted(directory)
                        + "    fastcgi_temp_path %1$s/fastcgi;\n    uwsgi_temp_path %1$s/uwsgi;\n".formatted(directory)
                        + "    scgi_temp_path %1$s/scgi;".formatted(directory));
        config = config.replaceAll("(?m)^\\s*resolver .*;\\R", "")
                .replaceAll("(?m)^\\s*listen \\[::\\]:.*;\\R", "")
                .replaceAll("(?m)^\\s*http2 on;\\R", "");
        java.util.regex.Matcher servers = java.util.regex.Pattern.compile("server app-(\\d+):8080 ([^;]*?) ?resolve")
                .matcher(config);
        StringBuilder result = new StringBuilder();
        while (servers.find()) {
            int port = instances.get((Integer.parseInt(servers.group(1)) - 1) % instances.size());
            servers.appendReplacement(result, "server 127.0.0.1:" + port + " " + servers.group(2));
        }
        servers.appendTail(result);
        config = result.toString();
        if (config.matches("(?s).*server app-\\d.*") || config.contains("/etc/nginx")) {
            throw new IllegalStateException("nginx.conf names a place the loopback copy does not replace");
        }
        return config;
    }

    private static String replaceOnce(String text, String target, String replacement) {
        if (!text.contains(target)) {
            throw new IllegalStateException("nginx.conf no longer has '" + target + "'");
        }
        return text.replace(target, replacement);
    }

    /**
     * The configuration: with {@code sticky}, a session goes to the instance that created it (the route at the end
     * of its cookie, {@code -DjvmRoute}), the others standing by for it; requests without a session, and every
     * request without {@code sticky}, go round-robin.
     */
    static String configuration(Path directory, int port, Map<String, Integer> instances, boolean sticky) {
        Path rules =
                Path.of("server-config", "nginx", "issuetracker-proxy.conf").toAbsolutePath();
        StringBuilder upstreams = new StringBuilder(upstream("issuetracker", instances, null));
        StringBuilder routes = new StringBuilder();
        if (sticky) {
            instances.keySet().forEach(name -> {
                upstreams.append(upstream("issuetracker_" + name.replace('-', '_'), instances, name));
                routes.append("        ~\\.%s$ issuetracker_%s;\n".formatted(name, name.replace('-', '_')));
            });
        }
        return """
                # Generated by org.issuetracker.dev.Nginx: the production rules on loopback
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 1024; }
                http {
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    server_tokens off;
                    log_format upstream '$remote_addr [$time_local] "$request" $status $body_bytes_sent '
                                        '$request_time upstream=$upstream_addr upstream_status=$upstream_status';
                    access_log %1$s/logs/access.log upstream;
                    map $cookie_JSESSIONID $issuetracker_upstream {
                %2$s        default issuetracker;
                    }
                %3$s
                    server {
                        listen 127.0.0.1:%4$d;
                        include %5$s;
                    }
                }
                """
                .formatted(directory, routes, upstreams, port, rules);
    }

    /** An upstream of every instance; with {@code primary}, that one first and the others as its backups. */
    private static String upstream(String name, Map<String, Integer> instances, String primary) {
        StringBuilder servers = new StringBuilder();
        instances.forEach((instance, instancePort) -> servers.append("        server 127.0.0.1:")
                .append(instancePort)
                .append(" max_fails=1 fail_timeout=10s")
                .append(primary == null || primary.equals(instance) ? "" : " backup")
                .append(";\n"));
        return """
                    upstream %s {
                        zone %s 64k;
                %s        keepalive 16;
                    }
                """
                .formatted(name, name, servers);
    }

    public int port() {
        return port;
    }

    public Path accessLog() {
        return directory.resolve("logs/access.log");
    }

    private void awaitUp() {
        URI health = URI.create("http://127.0.0.1:" + port + "/health/balancer");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx ended: " + read(directory.resolve("logs/nginx.out"))
                        + read(directory.resolve("logs/error.log")));
            }
            try {
                HttpURLConnection connection =
                        (HttpURLConnection) health.toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("nginx did not answer on port " + port + " within 20 s");
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** SIGTERM to the master, which stops its workers; SIGKILL to all of them if it has not within 10 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> workers = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                workers.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
