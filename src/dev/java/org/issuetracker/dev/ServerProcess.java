package org.issuetracker.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One application server process (Payara Micro from a {@link PayaraMicroCommand}, OpenLiberty from a
 * {@link LibertyServer}), its output in a log file: waits for its health probes, and stops it gently (SIGTERM: the
 * server shuts down, a Payara cluster member hands its data over), hard
 * ({@code kill -9}), or freezes and thaws it (SIGSTOP/SIGCONT) as the fault tests do.
 */
public final class ServerProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private ServerProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts it; it is killed when this JVM ends, however it ends (short of kill -9). */
    public static ServerProcess start(String name, int port, List<String> command, Path log) {
        return start(name, port, command, log, true);
    }

    /**
     * Starts it; {@code killWithJvm} false leaves stopping it to the caller's own shutdown (the dev cluster stops
     * its instances gently, in order, before Redis and MongoDB).
     */
    public static ServerProcess start(String name, int port, List<String> command, Path log, boolean killWithJvm) {
        return start(name, port, new ProcessBuilder(command), log, killWithJvm);
    }

    /** Starts what {@code builder} describes (its command, environment and directory), as above. */
    public static ServerProcess start(String name, int port, ProcessBuilder builder, Path log, boolean killWithJvm) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = builder.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (killWithJvm) {
                Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-" + name));
            }
            return new ServerProcess(name, port, log, process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code /health/<probe>} answers 200; fails if the process ends or {@code max} passes. */
    public void awaitProbe(String probe, Duration max) {
        URI uri = URI.create("http://127.0.0.1:" + port + "/health/" + probe);
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended (exit " + process.exitValue() + "): see " + log);
            }
            if (answers200(uri)) {
                return;
            }
            if (deploymentFailed()) {
                throw new IllegalStateException(name + " could not deploy the application: see " + log);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " did not answer " + probe + " within " + max + ": see " + log);
    }

    private boolean deploymentFailed() {
        try {
            String output = Files.readString(log);
            // Payara's words; OpenLiberty's "application could not start" (CWWKZ0002E) and "no feature" (CWWKF0001E)
            return output.contains("Exception while deploying the app")
                    || output.contains("CWWKZ0002E")
                    || output.contains("CWWKF0001E");
        } catch (IOException unreadable) {
            return false;
        }
    }

    static boolean answers200(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(5000);
            return connection.getResponseCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** {@code kill -9}: no shutdown, no hand-over, as when a host dies. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** SIGSTOP: the process keeps its sockets but answers nothing, as a hung JVM or an unreachable host. */
    public void freeze() {
        signal("STOP");
    }

    /** SIGCONT after {@link #freeze}. */
    public void thaw() {
        signal("CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
                    .redirectErrorStream(true)
                    .start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM, and {@code kill -9} if the server has not ended within 30 s. */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        try {
            thaw(); // a frozen process cannot act on SIGTERM
        } catch (IllegalStateException | java.io.UncheckedIOException cannotSignal) {
            // ended meanwhile, or kill is not there: SIGTERM through the JDK all the same
        }
        process.destroy();
        if (!awaitExit(Duration.ofSeconds(30))) {
            kill();
        }
    }

    private boolean awaitExit(Duration max) {
        try {
            return process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
