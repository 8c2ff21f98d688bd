package org.issuetracker.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.issuetracker.support.RedisServers;
import org.issuetracker.support.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.config.SslVerificationMode;

/**
 * What the compose shapes make of Redis, on Debian's Redis 7: the shipped variant, server-config/redis/tls.conf and
 * the ACL docker/redis-entrypoint.sh generates, with the certificates and secrets docker/make-dev-certs.sh makes.
 * The plain port is closed, TLS without the password or with it as the default user is refused, and a Redisson
 * client of the ACL user that checks the host name against the certificate, trusting the generated trust store,
 * reads and writes (as the application does with redis.username and redis.tls.truststore).
 */
class RedisTlsConfigurationIT {

    private RedisServers servers;
    private RedissonClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.shutdown();
        }
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void redisSpeaksOnlyTlsWithThePasswordAndTheGeneratedTrustStoreVerifiesIt() throws IOException {
        servers = new RedisServers("tls-shipped");
        Path out = servers.root().resolve("made");
        Shell.Result made = Shell.run(
                List.of("docker/make-dev-certs.sh", "--out", out.toString()), Map.of(), null, Duration.ofSeconds(120));
        assertThat(made.exitCode()).as(made.transcript()).isZero();
        Path tls = out.resolve("tls");
        String password =
                Files.readString(out.resolve("secrets/redis_password")).strip();
        String truststorePassword =
                Files.readString(out.resolve("secrets/truststore_password")).strip();
        int port = RedisServers.freePort();

        List<String> lines = new ArrayList<>(
                RedisDrills.shippedVariant("redis.conf", servers.root().resolve("redis")));
        for (String line : Files.readAllLines(Path.of("server-config/redis/tls.conf"))) {
            lines.add(line.replace("/tls/", tls + "/").replace("tls-port 6379", "tls-port " + port));
        }
        // what redis-entrypoint.sh writes into the file it includes
        lines.addAll(servers.shippedAcl("redis", password, Map.of()));
        servers.server(
                "redis",
                port,
                lines,
                "--tls",
                "--cacert",
                tls.resolve("ca.crt").toString(),
                "--no-auth-warning",
                "--user",
                RedisDrills.USER,
                "--pass",
                password);

        assertThat(RedisServers.cli("-p", String.valueOf(port), "PING"))
                .as("plain text on the TLS port")
                .doesNotContain("PONG");
        assertThat(RedisServers.cli(
                        "--tls", "--cacert", tls.resolve("ca.crt").toString(), "-p", String.valueOf(port), "PING"))
                .as("TLS without the password")
                .contains("NOAUTH");
        assertThat(RedisServers.cli(
                        "--tls",
                        "--cacert",
                        tls.resolve("ca.crt").toString(),
                        "-p",
                        String.valueOf(port),
                        "--no-auth-warning",
                        "-a",
                        password,
                        "PING"))
                .as("TLS with the password as the default user")
                .contains("WRONGPASS");

        Config config = new Config();
        config.useSingleServer()
                .setAddress("rediss://localhost:" + port)
                .setUsername(RedisDrills.USER)
                .setPassword(password)
                .setSslTruststore(tls.resolve("truststore.p12").toUri().toURL())
                .setSslTruststorePassword(truststorePassword)
                .setSslVerificationMode(SslVerificationMode.STRICT)
                .setConnectTimeout(5000)
                .setTimeout(5000);
        client = Redisson.create(config);
        client.getBucket("issuetracker:tls").set("over TLS, host name checked");

        assertThat(client.getBucket("issuetracker:tls").get()).isEqualTo("over TLS, host name checked");
    }
}
