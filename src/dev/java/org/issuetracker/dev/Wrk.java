package org.issuetracker.dev;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmarks' load generator, wrk (Debian's package, installed by {@code src/test/scripts/ensure-test-tools.sh
 * wrk}, which the benchmark profiles run first), and what they read from its report.
 */
final class Wrk {

    private Wrk() {}

    static void requireInstalled() {
        if (!Files.isExecutable(Path.of("/usr/bin/wrk"))) {
            throw new IllegalStateException(
                    "wrk is missing: bash src/test/scripts/ensure-test-tools.sh wrk (or apt-get install wrk)");
        }
    }

    /** Runs {@code wrk -t2 --latency} with these further arguments and keeps its report in {@code output}. */
    static String run(List<String> arguments, Path output) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "--latency"));
        command.addAll(arguments);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor();
        Files.writeString(output, String.join(" ", command) + "\n" + text);
        return text;
    }

    static double requestsPerSecond(String report) {
        String found =
                line(report, "Requests/sec:").replace("Requests/sec:", "").trim();
        if (found.isEmpty()) {
            throw new IllegalStateException("wrk printed no rate:\n" + report);
        }
        return Double.parseDouble(found);
    }

    /** How many requests completed ("12345 requests in 10.00s"). */
    static long requests(String report) {
        for (String line : report.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.matches("\\d+ requests in .*")) {
                return Long.parseLong(trimmed.substring(0, trimmed.indexOf(' ')));
            }
        }
        return 0;
    }

    /** A latency percentile as wrk prints it ({@code 50%}, {@code 99%}), e.g. {@code 5.12ms}. */
    static String percentile(String report, String which) {
        String found = line(report, which);
        return found.isEmpty() ? "?" : found.substring(which.length()).trim();
    }

    /** A latency percentile in milliseconds (NaN if wrk printed none). */
    static double percentileMillis(String report, String which) {
        return millis(percentile(report, which));
    }

    /** wrk's {@code 850.00us}, {@code 5.12ms}, {@code 1.20s}, {@code 2.00m} in milliseconds. */
    static double millis(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (text.endsWith("us")) {
                return Double.parseDouble(text.substring(0, text.length() - 2)) / 1000;
            } else if (text.endsWith("ms")) {
                return Double.parseDouble(text.substring(0, text.length() - 2));
            } else if (text.endsWith("s")) {
                return Double.parseDouble(text.substring(0, text.length() - 1)) * 1000;
            } else if (text.endsWith("m")) {
                return Double.parseDouble(text.substring(0, text.length() - 1)) * 60_000;
            } else if (text.endsWith("h")) {
                return Double.parseDouble(text.substring(0, text.length() - 1)) * 3_600_000;
            }
        } catch (NumberFormatException notANumber) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** Milliseconds as a table shows them: {@code 0.85 ms}, {@code 5.1 ms}, {@code 212 ms}, {@code 1.25 s}. */
    static String formatMillis(double millis) {
        if (Double.isNaN(millis)) {
            return "?";
        } else if (millis >= 1000) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1000);
        } else if (millis >= 100) {
            return String.format(Locale.ROOT, "%.0f ms", millis);
        } else if (millis >= 10) {
            return String.format(Locale.ROOT, "%.1f ms", millis);
        }
        return String.format(Locale.ROOT, "%.2f ms", millis);
    }

    /** Answers of 400 and above (wrk prints the line only when there were some). */
    static long non2xx(String report) {
        String count = line(report, "Non-2xx").replaceAll("[^0-9]", "");
        return count.isEmpty() ? 0 : Long.parseLong(count);
    }

    /** Socket errors (connect, read, write, timeout), summed; 0 when wrk printed none. */
    static long socketErrors(String report) {
        String found = line(report, "Socket errors:");
        long sum = 0;
        for (String part : found.replace("Socket errors:", "").split(",")) {
            String digits = part.replaceAll("[^0-9]", "");
            if (!digits.isEmpty()) {
                sum += Long.parseLong(digits);
            }
        }
        return sum;
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
