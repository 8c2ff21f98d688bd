package org.issuetracker.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.issuetracker.support.RedisServers;
import org.issuetracker.support.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The backup drill with server-config/backup/redis-backup.sh and redis-restore.sh against Debian's Redis 7 with the
 * shipped RDB variant and a password: back up a running Redis, restore into a new directory, start a fresh Redis
 * there, and the keys are back; a changed byte, a wrong password and old backups are handled as documented.
 */
class RedisBackupDrillIT {

    private static final String BACKUP = "server-config/backup/redis-backup.sh";
    private static final String RESTORE = "server-config/backup/redis-restore.sh";
    private static final int KEYS = 500;

    private RedisServers servers;
    private String password;
    private Path passwordFile;
    private int port;
    private Path backups;

    @BeforeEach
    void startRedisWithAPassword() throws IOException {
        servers = new RedisServers("drill-backup");
        password = UUID.randomUUID().toString().replace("-", "");
        passwordFile = Files.writeString(servers.root().resolve("password"), password + "\n");
        backups = Files.createDirectories(servers.root().resolve("backups"));
        port = RedisServers.freePort();
        List<String> lines = new java.util.ArrayList<>(
                RedisDrills.shippedVariant("redis.conf", servers.root().resolve("redis")));
        // the ACL as docker/redis-entrypoint.sh generates it: the backup runs as the application's user
        lines.addAll(servers.shippedAcl("redis", password, Map.of()));
        servers.server("redis", port, lines, "--no-auth-warning", "--user", RedisDrills.USER, "--pass", password);
    }

    @AfterEach
    void stop() {
        servers.close();
    }

    @Test
    void aBackupRestoredIntoANewDirectoryBringsTheKeysBackOnAFreshRedis() throws IOException {
        assertThat(RedisDrills.write(port, password, "issuetracker:drill:", KEYS))
                .isEqualTo(KEYS);

        Shell.Result backup = backup(passwordFile);
        assertThat(backup.exitCode()).as(backup.transcript()).isZero();
        Path taken = onlyBackup();
        assertThat(Files.readString(taken.resolve("SHA256SUMS"))).containsPattern("^[0-9a-f]{64}  dump\\.rdb\\n$");

        Path fresh = servers.root().resolve("fresh");
        Shell.Result restore = run(RESTORE, "-b", taken.toString(), "-d", fresh.toString());
        assertThat(restore.exitCode()).as(restore.transcript()).isZero();
        assertThat(restore.output()).contains("checked (SHA256SUMS)");
        int freshPort = RedisServers.freePort();
        servers.server("fresh", freshPort, List.of("dbfilename dump.rdb"));

        assertThat(RedisDrills.count(freshPort, null, "issuetracker:drill:")).isEqualTo(KEYS);
    }

    @Test
    void aBackupWithAChangedByteIsRefusedAndNothingIsRestored() throws IOException {
        RedisDrills.write(port, password, "issuetracker:drill:", 10);
        assertThat(backup(passwordFile).exitCode()).isZero();
        Path dump = onlyBackup().resolve("dump.rdb");
        byte[] bytes = Files.readAllBytes(dump);
        bytes[bytes.length / 2] ^= 1;
        Files.write(dump, bytes);

        Path target = servers.root().resolve("not-restored");
        Shell.Result restore = run(RESTORE, "-b", onlyBackup().toString(), "-d", target.toString());

        assertThat(restore.exitCode()).as(restore.transcript()).isEqualTo(5);
        assertThat(restore.errors()).contains("checksum mismatch", "dump.rdb: FAILED");
        assertThat(target.resolve("dump.rdb")).doesNotExist();
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessageThatSaysSo() throws IOException {
        Path wrong = Files.writeString(servers.root().resolve("wrong-password"), "not-" + password);

        Shell.Result withWrong = backup(wrong);
        Shell.Result withNone = run(BACKUP, "-p", String.valueOf(port), "-d", dataDir(), "-o", backups.toString());

        assertThat(withWrong.exitCode()).as(withWrong.transcript()).isEqualTo(3);
        assertThat(withWrong.errors()).contains("refused the password", "WRONGPASS");
        assertThat(withNone.exitCode()).as(withNone.transcript()).isEqualTo(3);
        assertThat(withNone.errors()).contains("wants a password (set REDIS_PASSWORD_FILE)");
        Shell.Result asDefault = Shell.run(
                List.of(BACKUP, "-p", String.valueOf(port), "-d", dataDir(), "-o", backups.toString()),
                Map.of("REDIS_PASSWORD_FILE", passwordFile.toString(), "REDIS_USERNAME", ""),
                null,
                Duration.ofSeconds(90));
        assertThat(asDefault.exitCode())
                .as("the right password as the default user: " + asDefault.transcript())
                .isEqualTo(3);
        assertThat(asDefault.errors()).contains("WRONGPASS");
        assertThat(backupsTaken()).isEmpty();
    }

    @Test
    void backupsOlderThanTheRetentionAreDeletedAndNewerOnesKept() throws IOException {
        Path old = Files.createDirectories(backups.resolve("redis-20200101T000000Z"));
        Path recent = Files.createDirectories(backups.resolve("redis-20200102T000000Z"));
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(8, ChronoUnit.DAYS)));
        Files.setLastModifiedTime(recent, FileTime.from(Instant.now().minus(5, ChronoUnit.DAYS)));

        Shell.Result backup = backup(passwordFile, "-k", "7");

        assertThat(backup.exitCode()).as(backup.transcript()).isZero();
        assertThat(old).doesNotExist();
        assertThat(recent).exists();
        assertThat(backupsTaken()).hasSize(2);
    }

    private Shell.Result backup(Path password, String... more) {
        List<String> command = new java.util.ArrayList<>(
                List.of(BACKUP, "-p", String.valueOf(port), "-d", dataDir(), "-o", backups.toString(), "-t", "60"));
        command.addAll(List.of(more));
        return Shell.run(command, Map.of("REDIS_PASSWORD_FILE", password.toString()), null, Duration.ofSeconds(90));
    }

    private static Shell.Result run(String... command) {
        return Shell.run(List.of(command), Map.of(), null, Duration.ofSeconds(60));
    }

    private String dataDir() {
        return servers.root().resolve("redis").toString();
    }

    private Path onlyBackup() throws IOException {
        List<Path> taken = backupsTaken();
        assertThat(taken).hasSize(1);
        return taken.get(0);
    }

    private List<Path> backupsTaken() throws IOException {
        try (Stream<Path> paths = Files.list(backups)) {
            return paths.filter(path -> path.getFileName().toString().startsWith("redis-"))
                    .toList();
        }
    }
}
