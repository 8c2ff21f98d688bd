package org.issuetracker.interfaces.rest;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import org.issuetracker.interfaces.web.RequestMetricsFilter;

/**
 * Names the endpoint a request matched by its path template ({@code /api/issues/{id}/votes}), for the HTTP metrics
 * ({@link RequestMetricsFilter}). A request property is a servlet request attribute in a servlet container.
 */
@Provider
public class EndpointNaming implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Class<?> type = resource.getResourceClass();
        Method method = resource.getResourceMethod();
        if (type != null && method != null) {
            request.setProperty(
                    RequestMetricsFilter.ENDPOINT,
                    "/api" + path(type.getAnnotation(Path.class)) + path(method.getAnnotation(Path.class)));
        }
    }

    private static String path(Path path) {
        if (path == null || path.value().isEmpty() || path.value().equals("/")) {
            return "";
        }
        String value = path.value().startsWith("/") ? path.value() : "/" + path.value();
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
