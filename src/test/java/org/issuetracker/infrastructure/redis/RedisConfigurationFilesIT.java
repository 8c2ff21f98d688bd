package org.issuetracker.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.issuetracker.support.RedisServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped {@code server-config/redis} variants start a real Redis 7 and mean what their comments say: a bounded
 * memory with LRU eviction of any key, and the persistence of the variant. Only the machine-specific lines (the
 * include path, the port, the data directory, binding) are rewritten for the test.
 */
class RedisConfigurationFilesIT {

    private RedisServers servers;

    @AfterEach
    void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "redis.conf, no, 900 1 300 100 60 1000",
        "redis-aof.conf, yes, ''",
        "redis-hybrid.conf, yes, 900 1 300 100"
    })
    void eachVariantBoundsMemoryAndPersistsAsDocumented(String file, String appendonly, String save)
            throws IOException {
        servers = new RedisServers(file.replace(".conf", ""));
        Path dir = servers.root();
        Path common = dir.resolve("common.conf");
        Files.write(common, local(Path.of("server-config/redis/common.conf"), dir));
        List<String> variant = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("server-config/redis", file))) {
            variant.add(line.startsWith("include ") ? "include " + common : line);
        }
        int port = RedisServers.freePort();

        servers.server("redis", port, variant);

        assertThat(config(port, "maxmemory")).isEqualTo(String.valueOf(512L * 1024 * 1024));
        assertThat(config(port, "maxmemory-policy")).isEqualTo("allkeys-lru");
        assertThat(config(port, "appendonly")).isEqualTo(appendonly);
        assertThat(config(port, "save")).isEqualTo(save);
    }

    /** The shared lines with this machine's directory instead of the container's (port and bind come first). */
    private static List<String> local(Path file, Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("bind ") || line.startsWith("port ") || line.startsWith("dir ")) {
                continue; // RedisServers sets these: loopback, a free port, the test's directory
            }
            lines.add(line);
        }
        lines.add("dir " + dir);
        return lines;
    }

    private static String config(int port, String name) {
        String[] reply = RedisServers.cli("-p", String.valueOf(port), "CONFIG", "GET", name)
                .split("\\R");
        return reply.length > 1 ? reply[1].trim() : "";
    }
}
