package org.issuetracker.application;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Spans for the application's own work (services, MongoDB commands, Redis calls), through MicroProfile Telemetry's
 * {@link Tracer}: exported over OTLP when {@code otel.sdk.disabled=false}, and costing next to nothing otherwise (the
 * tracer is a no-op). The HTTP server spans, their parents, come from the server's JAX-RS instrumentation.
 */
@ApplicationScoped
public class Tracing {

    private static final Tracing NONE = new Tracing(OpenTelemetry.noop().getTracer("issuetracker"));

    @Inject
    Instance<Tracer> tracers;

    private Tracer tracer;

    /** For CDI. */
    protected Tracing() {}

    private Tracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** No spans at all: for parts built by hand in tests. */
    public static Tracing none() {
        return NONE;
    }

    @PostConstruct
    void init() {
        tracer = tracers.isResolvable() ? tracers.get() : NONE.tracer;
    }

    /** A span, child of the current one, started now; the caller ends it (and may make it current). */
    public Span start(String name, SpanKind kind) {
        return tracer.spanBuilder(name).setSpanKind(kind).startSpan();
    }

    /** Marks the span failed with the exception (a caller's mistake is recorded but leaves the status unset). */
    public static void failed(Span span, Throwable failure) {
        span.recordException(failure);
        if (!Failures.isClientMistake(failure)) {
            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        }
    }
}
