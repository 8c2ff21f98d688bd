package org.issuetracker.dev;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The benchmarks' load generator, wrk (Debian's package), and what they read from its report. */
final class Wrk {

    private Wrk() {}

    static void requireInstalled() {
        if (!Files.isExecutable(Path.of("/usr/bin/wrk"))) {
            throw new IllegalStateException("wrk is missing: sudo apt-get install wrk");
        }
    }

    /** Runs {@code wrk -t2 --latency} with these further arguments and keeps its report in {@code output}. */
    static String run(List<String> arguments, Path output) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "--latency"));
        command.addAll(arguments);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor();
        Files.writeString(output, text);
        return text;
    }

    static double requestsPerSecond(String report) {
        return Double.parseDouble(
                line(report, "Requests/sec:").replace("Requests/sec:", "").trim());
    }

    /** A latency percentile as wrk prints it ({@code 50%}, {@code 99%}), e.g. {@code 5.12ms}. */
    static String percentile(String report, String which) {
        String found = line(report, which);
        return found.isEmpty() ? "?" : found.substring(which.length()).trim();
    }

    /** Answers other than 2xx and 3xx (wrk prints the line only when there were some). */
    static String non2xx(String report) {
        String count = line(report, "Non-2xx").replaceAll("[^0-9]", "");
        return count.isEmpty() ? "0" : count;
    }

    static String line(String text, String start) {
        for (String line : text.split("\\R")) {
            if (line.trim().startsWith(start)) {
                return line.trim();
            }
        }
        return "";
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
