package org.issuetracker.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code promtool} (package prometheus, installed by the test command when missing): Prometheus' own parser
 * and rule evaluator, run on files.
 */
public final class Promtool {

    private Promtool() {}

    /** What one run answered: its exit code and its output (stdout and stderr). */
    public record Result(int exitCode, String output) {}

    public static Result run(Path workingDirectory, String... arguments) {
        return runWithInput(workingDirectory, "", arguments);
    }

    /** Runs it with {@code input} on its standard input ({@code check metrics} reads the scrape from there). */
    public static Result runWithInput(Path workingDirectory, String input, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("promtool " + String.join(" ", arguments) + " did not end in 60 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
