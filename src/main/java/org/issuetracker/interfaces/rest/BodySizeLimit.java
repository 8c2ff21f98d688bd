package org.issuetracker.interfaces.rest;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;

/**
 * Request bodies over {@value #MAX_BYTES} bytes are refused with 413: at once when {@code Content-Length} says so,
 * and while reading when the body is chunked and grows past the limit. A backup archive sent for a restore
 * ({@link Archive}) may be up to {@value #ARCHIVE_MAX_BYTES} bytes.
 */
@Provider
public class BodySizeLimit implements ContainerRequestFilter, ReaderInterceptor {

    static final int MAX_BYTES = 1024 * 1024;
    static final long ARCHIVE_MAX_BYTES = 1024L * 1024 * 1024;

    /** Marks a resource method whose body is a backup archive, allowed up to {@value #ARCHIVE_MAX_BYTES} bytes. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Archive {}

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > limit()) {
            throw tooLarge();
        }
    }

    /**
     * Also reports a body the JSON-B reader cannot read as the JAX-RS processing failure that Jersey (Payara) makes
     * of it, for {@link UnreadableBodyMapper}: RESTEasy (OpenLiberty) lets JSON-B's own exception through, which
     * would otherwise be answered as a server error.
     */
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new LimitedStream(context.getInputStream(), limit()));
        try {
            return context.proceed();
        } catch (JsonbException | JsonException unreadable) {
            throw new ProcessingException(unreadable);
        }
    }

    private long limit() {
        Method method = resource == null ? null : resource.getResourceMethod();
        return method != null && method.isAnnotationPresent(Archive.class) ? ARCHIVE_MAX_BYTES : MAX_BYTES;
    }

    /** 413, closing the connection: the rest of the body is not read, so the connection cannot be reused. */
    static WebApplicationException tooLarge() {
        return new WebApplicationException(
                Response.status(413).header("Connection", "close").build());
    }

    /** Whether this is the refusal {@link #tooLarge} makes (readers may wrap it in their own exceptions). */
    static boolean isTooLarge(Throwable failure) {
        return failure instanceof WebApplicationException refusal
                && refusal.getResponse().getStatus() == 413;
    }

    /** Counts what is read and fails past the limit. */
    private static final class LimitedStream extends FilterInputStream {
        private final long limit;
        private long read;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge();
            }
        }
    }
}
