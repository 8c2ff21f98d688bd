package org.issuetracker.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.issuetracker.support.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every shell script of the repository passes shellcheck (Debian's, installed by the test command) without a single
 * finding, the backup scripts answer a wrong call with their usage, and the application images' entrypoint reads
 * the secrets and then runs the server's command it is given.
 */
class ShellScriptsIT {

    /** Not the repository's own: build output, the dev database, what docker/make-dev-certs.sh makes. */
    private static final Set<Path> SKIPPED = Set.of(
            Path.of("target"),
            Path.of(".git"),
            Path.of("data"),
            Path.of("docker", "tls"),
            Path.of("docker", "secrets"));

    @Test
    void everyShellScriptPassesShellcheck() throws IOException {
        List<String> scripts = scripts();
        assertThat(scripts)
                .contains(
                        "src/test/scripts/ensure-test-tools.sh",
                        "docker/make-dev-certs.sh",
                        "server-config/backup/redis-backup.sh",
                        "server-config/backup/mongo-restore.sh");

        List<String> command =
                new ArrayList<>(List.of("/usr/bin/shellcheck", "--severity=style", "--external-sources"));
        command.addAll(scripts);
        Shell.Result result = Shell.run(command, Map.of(), null, Duration.ofSeconds(120));

        assertThat(result.exitCode()).as(result.transcript()).isZero();
        assertThat(result.output()).as(result.transcript()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mongo-backup.sh", "mongo-restore.sh", "redis-backup.sh", "redis-restore.sh"})
    void eachBackupScriptAnswersAMissingArgumentWithItsUsage(String script) {
        Shell.Result result =
                Shell.run(List.of("server-config/backup/" + script), Map.of(), null, Duration.ofSeconds(30));

        assertThat(result.exitCode()).as(result.transcript()).isEqualTo(2);
        assertThat(result.errors()).as(result.transcript()).startsWith("usage: ");
    }

    /** docker/app-entrypoint.sh, both images' entrypoint: the secrets into the environment, then the command. */
    @Test
    void theApplicationEntrypointReadsTheSecretsThenRunsTheServersCommand(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("redis_password"), "from-the-secret");
        Shell.Result ran = appEntrypoint(
                "REDIS_PASSWORD_FILE=" + secret,
                "/bin/sh",
                "-c",
                "echo \"$REDIS_PASSWORD ${REDIS_PASSWORD_FILE:-gone} $*\"",
                "server",
                "--deploy");

        assertThat(ran.exitCode()).as(ran.transcript()).isZero();
        assertThat(ran.output().strip()).as(ran.transcript()).isEqualTo("from-the-secret gone --deploy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--deploy"})
    void theApplicationEntrypointRefusesToStartWithoutTheServersCommand(String first) {
        Shell.Result result = first.isEmpty()
                ? appEntrypoint("NO_SECRETS=1")
                : appEntrypoint("NO_SECRETS=1", first, "/opt/payara/deployments/ROOT.war");

        assertThat(result.exitCode()).as(result.transcript()).isEqualTo(64);
        assertThat(result.errors()).as(result.transcript()).contains("the server's start command must come first");
    }

    @Test
    void theApplicationEntrypointRefusesASecretItCannotRead(@TempDir Path dir) {
        Shell.Result result = appEntrypoint("MONGODB_PASSWORD_FILE=" + dir.resolve("missing"), "/bin/true");

        assertThat(result.exitCode()).as(result.transcript()).isEqualTo(64);
        assertThat(result.errors()).as(result.transcript()).contains("MONGODB_PASSWORD_FILE names");
    }

    /**
     * The script with only the given variable (NAME=value) and PATH, as in a container: it reads every *_FILE
     * variable, and a build machine's own (a CA bundle's path, say) would be read too.
     */
    private static Shell.Result appEntrypoint(String variable, String... arguments) {
        List<String> command = new ArrayList<>(
                List.of("/usr/bin/env", "-i", "PATH=/usr/bin:/bin", variable, "/bin/sh", "docker/app-entrypoint.sh"));
        command.addAll(List.of(arguments));
        return Shell.run(command, Map.of(), null, Duration.ofSeconds(30));
    }

    private static List<String> scripts() throws IOException {
        try (Stream<Path> paths = Files.walk(Path.of("."))) {
            return paths.map(Path::normalize)
                    .filter(path -> SKIPPED.stream().noneMatch(path::startsWith))
                    .filter(path -> path.getFileName().toString().endsWith(".sh") && Files.isRegularFile(path))
                    .map(Path::toString)
                    .sorted()
                    .toList();
        }
    }
}
