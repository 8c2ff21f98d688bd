package org.issuetracker.infrastructure.mongo;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.issuetracker.application.Tracing;

/**
 * A span per MongoDB command ({@code mongodb find issues}), child of the span current when the driver sends it (the
 * synchronous driver calls listeners on the calling thread). Attributes after OpenTelemetry's database conventions;
 * never the command's filter or documents, which may hold people's data.
 */
@ApplicationScoped
public class MongoCommandTracing implements CommandListener {

    private final Map<Integer, Span> spans = new ConcurrentHashMap<>();

    @Inject
    Tracing tracing;

    @Override
    public void commandStarted(CommandStartedEvent event) {
        String command = event.getCommandName();
        String collection = MongoCommandMetrics.collectionOf(event);
        Span span = tracing.start("mongodb " + command + (collection == null ? "" : " " + collection), SpanKind.CLIENT);
        if (!span.isRecording()) {
            return; // tracing is off
        }
        span.setAttribute("db.system", "mongodb");
        span.setAttribute("db.name", event.getDatabaseName());
        span.setAttribute("db.operation", command);
        if (collection != null) {
            span.setAttribute("db.mongodb.collection", collection);
        }
        span.setAttribute(
                "server.address",
                event.getConnectionDescription().getServerAddress().getHost());
        if (spans.size() > 10_000) {
            spans.clear(); // the driver always ends a command; this only bounds the map if it ever did not
        }
        spans.put(event.getRequestId(), span);
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        Span span = spans.remove(event.getRequestId());
        if (span != null) {
            span.end();
        }
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        Span span = spans.remove(event.getRequestId());
        if (span != null) {
            Tracing.failed(span, event.getThrowable());
            span.end();
        }
    }
}
