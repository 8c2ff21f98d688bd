package org.issuetracker.infrastructure.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLSocketFactory;
import org.issuetracker.application.caching.CacheSettings;
import org.issuetracker.application.preflight.RedisFacts;
import org.issuetracker.infrastructure.config.TrustStores;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNode;

/**
 * Redis' persistence and exposure from {@code CONFIG GET} on each primary (or {@code INFO persistence} where a
 * managed Redis disables CONFIG), and whether it refuses a {@code PING} sent without credentials: a connection of
 * its own to each configured address, with a two-second bound, which sends nothing else.
 */
@ApplicationScoped
public class RedissonRedisFacts implements RedisFacts.Source {

    private static final Logger LOG = Logger.getLogger(RedissonRedisFacts.class.getName());
    private static final int PROBE_TIMEOUT_MILLIS = 2_000;

    @Inject
    RedissonClient redisson;

    @Inject
    RedisSettings settings;

    @Inject
    CacheSettings cache;

    @Override
    public RedisFacts ask() {
        List<URI> addresses = addresses();
        List<String> hosts = addresses.stream().map(URI::getHost).distinct().toList();
        boolean tls = addresses.stream().allMatch(uri -> "rediss".equals(uri.getScheme()));
        if (!cache.enabled()) {
            return new RedisFacts(
                    false,
                    Optional.empty(),
                    Optional.empty(),
                    "",
                    Optional.empty(),
                    Optional.empty(),
                    hosts,
                    tls,
                    Map.of());
        }
        Map<String, String> ping = new LinkedHashMap<>();
        for (URI address : addresses) {
            ping.put(address.getHost() + ":" + port(address), anonymousPing(address));
        }
        Optional<Boolean> appendOnly = Optional.empty();
        Optional<String> save = Optional.empty();
        Optional<String> bind = Optional.empty();
        Optional<String> protectedMode = Optional.empty();
        String source = "CONFIG GET";
        Collection<? extends RedisNode> primaries = List.of();
        try {
            primaries = RedisPrimaries.of(redisson, settings);
            if (primaries.isEmpty()) {
                return new RedisFacts(
                        true, appendOnly, save, "no primary known", bind, protectedMode, hosts, tls, ping);
            }
            boolean allAof = true;
            List<String> saves = new ArrayList<>();
            for (RedisNode primary : primaries) {
                allAof &= "yes".equals(primary.getConfig("appendonly").get("appendonly"));
                saves.add(primary.getConfig("save").getOrDefault("save", ""));
                bind = Optional.ofNullable(primary.getConfig("bind").get("bind"));
                protectedMode =
                        Optional.ofNullable(primary.getConfig("protected-mode").get("protected-mode"));
            }
            appendOnly = Optional.of(allAof);
            save = Optional.of(
                    saves.stream().distinct().reduce((a, b) -> a + " | " + b).orElse(""));
        } catch (RuntimeException configDisabled) {
            LOG.log(Level.FINE, "CONFIG GET refused; asking INFO persistence", configDisabled);
            source = "INFO persistence";
            try {
                if (primaries.isEmpty()) {
                    throw new IllegalStateException("no primary known");
                }
                boolean allAof = true;
                long snapshots = 0;
                for (RedisNode primary : primaries) {
                    Map<String, String> persistence = primary.info(RedisNode.InfoSection.PERSISTENCE);
                    allAof &= "1".equals(persistence.get("aof_enabled"));
                    snapshots += number(persistence.get("rdb_saves"));
                }
                appendOnly = Optional.of(allAof);
                save = Optional.of(snapshots > 0 ? snapshots + " snapshots since start" : "");
            } catch (RuntimeException noAnswer) {
                LOG.log(Level.FINE, "Redis did not answer INFO persistence either", noAnswer);
                source = "no answer from Redis";
            }
        }
        return new RedisFacts(true, appendOnly, save, source, bind, protectedMode, hosts, tls, ping);
    }

    private List<URI> addresses() {
        List<String> all =
                settings.mode() == RedisSettings.Mode.SINGLE ? List.of(settings.address()) : settings.addresses();
        return all.stream().map(URI::create).toList();
    }

    /** {@code refused} when Redis answers {@code -NOAUTH} (or any error), {@code answered} on {@code +PONG}. */
    private String anonymousPing(URI address) {
        try (Socket socket = socket(address)) {
            socket.setSoTimeout(PROBE_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            int first = in.read();
            return first == '+' ? "answered" : first == '-' ? "refused" : "unreachable";
        } catch (IOException | GeneralSecurityException e) {
            LOG.log(Level.FINE, "Redis at " + address.getHost() + " could not be asked without credentials", e);
            return "unreachable";
        }
    }

    private Socket socket(URI address) throws IOException, GeneralSecurityException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(address.getHost(), port(address)), PROBE_TIMEOUT_MILLIS);
        if (!"rediss".equals(address.getScheme())) {
            return plain;
        }
        return tlsFactory().createSocket(plain, address.getHost(), port(address), true);
    }

    private SSLSocketFactory tlsFactory() throws IOException, GeneralSecurityException {
        if (settings.truststore().isEmpty()) {
            return (SSLSocketFactory) SSLSocketFactory.getDefault();
        }
        return TrustStores.context(
                        Path.of(settings.truststore().get()),
                        settings.truststorePassword().orElse(""),
                        "PKCS12")
                .getSocketFactory();
    }

    private static int port(URI address) {
        return address.getPort() > 0 ? address.getPort() : 6379;
    }

    private static long number(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
