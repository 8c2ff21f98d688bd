package org.issuetracker.application.operations;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.issuetracker.application.Tracing;

/**
 * Times every call of a {@link Monitored} service, counts its failures, and traces it as a span
 * ({@code IssueService.get}) that the MongoDB and Redis spans of the call are children of. Runs outside the cache
 * interceptors, so that a call answered from the cache is timed too.
 */
@Monitored
@Interceptor
@Priority(Interceptor.Priority.APPLICATION - 100)
public class MonitoredInterceptor {

    @Inject
    ServiceMetrics metrics;

    @Inject
    Tracing tracing;

    @AroundInvoke
    Object monitor(InvocationContext invocation) throws Exception {
        String service = invocation.getMethod().getDeclaringClass().getSimpleName();
        long start = System.nanoTime();
        Span span = tracing.start(service + "." + invocation.getMethod().getName(), SpanKind.INTERNAL);
        span.setAttribute(
                "code.namespace", invocation.getMethod().getDeclaringClass().getName());
        span.setAttribute("code.function", invocation.getMethod().getName());
        try (Scope scope = span.makeCurrent()) {
            return invocation.proceed();
        } catch (Exception | Error failure) {
            metrics.failed(service, failure);
            Tracing.failed(span, failure);
            throw failure;
        } finally {
            span.end();
            metrics.called(service, System.nanoTime() - start);
        }
    }
}
