package org.issuetracker.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command (a script of the repository, a tool) to its end within a time limit, and what it said. */
public final class Shell {

    /** How it ended: the exit code, standard output and standard error. */
    public record Result(int exitCode, String output, String errors) {

        /** Everything it wrote, for an assertion's message. */
        public String transcript() {
            return "exit " + exitCode + "\n--- stdout\n" + output + "\n--- stderr\n" + errors;
        }
    }

    private Shell() {}

    /** Runs {@code command} with {@code environment} added, {@code input} on its standard input (or none). */
    public static Result run(List<String> command, Map<String, String> environment, String input, Duration limit) {
        try {
            Path out = Files.createTempFile("shell", ".out");
            Path err = Files.createTempFile("shell", ".err");
            try {
                ProcessBuilder builder =
                        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                try (var stdin = process.getOutputStream()) {
                    if (input != null) {
                        stdin.write(input.getBytes(StandardCharsets.UTF_8));
                    }
                }
                if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new AssertionError(command + " did not end within " + limit.toSeconds() + " s");
                }
                return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
