package org.issuetracker.infrastructure.mongo;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.bson.BsonValue;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * How long each MongoDB command takes, by command and collection ({@code mongodb.command}, a timer in seconds with
 * the tags {@code command}, {@code collection} and {@code outcome}), from the driver's command events. The tags are
 * bounded: the driver's own commands ({@code hello}, {@code ping}...) and commands outside the known collections
 * count under {@code collection="-"}.
 */
@ApplicationScoped
public class MongoCommandMetrics implements CommandListener {

    private static final Set<String> COLLECTIONS = MongoSchema.expected().keySet();

    private final Map<Integer, String> collections = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private Metadata metadata;

    @Inject
    MetricRegistry registry;

    /** Created at start-up, not inside a health check (Payara 6.2025.10 fails with a NullPointerException in its MetricsServiceImpl when a bean that registers metrics is first created inside a health check, which it runs in its default web module). */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object start) {
        timers.size();
    }

    @PostConstruct
    void describe() {
        metadata = Metadata.builder()
                .withName("mongodb.command")
                .withDescription("MongoDB commands by command, collection and outcome")
                .withUnit(MetricUnits.SECONDS)
                .build();
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (collections.size() > 10_000) {
            collections.clear(); // the driver always ends a command; this only bounds the map if it ever did not
        }
        String collection = collectionOf(event);
        collections.put(event.getRequestId(), COLLECTIONS.contains(collection) ? collection : "-");
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        record(event.getRequestId(), event.getCommandName(), event.getElapsedTime(TimeUnit.NANOSECONDS), "success");
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        record(event.getRequestId(), event.getCommandName(), event.getElapsedTime(TimeUnit.NANOSECONDS), "failure");
    }

    private void record(int requestId, String command, long nanos, String outcome) {
        String collection = collections.remove(requestId);
        String name = known(command);
        timers.computeIfAbsent(
                        name + "|" + collection + "|" + outcome,
                        key -> registry.timer(
                                metadata,
                                new Tag("command", name),
                                new Tag("collection", collection == null ? "-" : collection),
                                new Tag("outcome", outcome)))
                .update(Duration.ofNanos(nanos));
    }

    /**
     * The collection a command works on, or null: the command's value ({@code {find: "issues"}}); {@code getMore}
     * names it in {@code collection}.
     */
    static String collectionOf(CommandStartedEvent event) {
        BsonValue target = "getMore".equals(event.getCommandName())
                ? event.getCommand().get("collection")
                : event.getCommand().get(event.getCommandName());
        return target != null && target.isString() ? target.asString().getValue() : null;
    }

    /** The command's name if it is one the application sends, else "other" (keeps the tag set small). */
    private static String known(String command) {
        return switch (command) {
            case "find",
                    "insert",
                    "update",
                    "delete",
                    "aggregate",
                    "count",
                    "findAndModify",
                    "createIndexes",
                    "getMore",
                    "ping",
                    "hello",
                    "isMaster" -> command;
            default -> "other";
        };
    }
}
