package org.issuetracker.interfaces.rest;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.servers.Server;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * What the OpenAPI document ({@code /openapi}) says that annotations cannot: the problem+json answers of every
 * operation, who may call it, and Payara's own additions taken out. The exception mappers decide the errors by the
 * kind of failure, not per method, so the errors an operation documents follow from its shape: parameters or a body
 * can be invalid (400), an id can name nothing (404), a write can be refused (403) or collide (409), a PUT carries
 * If-Match (412), a body can be too large or of the wrong type (413, 415). Registered by {@code mp.openapi.filter}.
 */
public class ApiDocumentFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        withoutPayaraEndpoints(openAPI);
        if (openAPI.getServers() != null) {
            openAPI.getServers().forEach(ApiDocumentFilter::relativeToTheDocument);
        }
        if (openAPI.getTags() != null) {
            openAPI.setTags(oncePerName(openAPI.getTags()));
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        ProblemAnswers.addTo(components);
        describeModeration(components);
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                    .forEach((method, operation) -> describe(path, method, operation)));
        }
    }

    /** The moderation rule, where clients read an issue's state (record components carry no annotations here). */
    private static void describeModeration(Components components) {
        Schema issue =
                components.getSchemas() == null ? null : components.getSchemas().get("IssueResponse");
        if (issue == null || issue.getProperties() == null) {
            return;
        }
        describeProperty(
                issue,
                "approval",
                "PENDING until an admin approves (APPROVED) or rejects (REJECTED); only APPROVED issues that are not"
                        + " archived are seen by everyone. An author's change to the title, description or labels of an"
                        + " APPROVED issue makes it PENDING again.");
        describeProperty(
                issue,
                "awaitingReapproval",
                "True while an issue that was approved waits for an admin again because its author changed its"
                        + " text: until then only the author and admins see it, and its history shows others nothing"
                        + " of the unapproved text.");
    }

    private static void describeProperty(Schema schema, String property, String description) {
        Schema found = schema.getProperties().get(property);
        if (found != null) {
            found.setDescription(description);
        }
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        boolean read = method == PathItem.HttpMethod.GET;
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasParameters =
                operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean restricted = restricted(path);
        if (hasParameters || hasBody || path.contains("{")) {
            addError(operation, "400");
        }
        addError(operation, "401");
        addError(operation, "429");
        if (!read || restricted) {
            addError(operation, "403");
        }
        if (path.contains("{")) {
            addError(operation, "404");
        }
        if (!read) {
            addError(operation, "409");
        }
        if (method == PathItem.HttpMethod.PUT) {
            addError(operation, "412");
        }
        if (hasBody) {
            addError(operation, "413");
            addError(operation, "415");
        }
        addError(operation, "500");
        addError(operation, "503");
        operation.setSecurity(security(read, restricted || isOwn(path)));
    }

    /** The caller's own account and tokens: for signed-in callers only. */
    private static boolean isOwn(String path) {
        return path.equals("/api/me") || path.startsWith("/api/me/");
    }

    /** Readable only by some signed-in users: the admin endpoints and the accounts. */
    private static boolean restricted(String path) {
        return path.startsWith("/api/admin/") || path.startsWith("/api/users");
    }

    /**
     * Writes need HTTP Basic or an API token: a session cookie alone makes a write anonymous (another site cannot
     * write through a signed-in browser). Reads also take the web UI's session, and public ones no credentials at all (when
     * {@code security.anonymous-read} allows).
     */
    private static List<SecurityRequirement> security(boolean read, boolean signedIn) {
        SecurityRequirement basic = OASFactory.createSecurityRequirement().addScheme(RestApplication.BASIC);
        SecurityRequirement token = OASFactory.createSecurityRequirement().addScheme(RestApplication.BEARER);
        if (!read) {
            return List.of(basic, token);
        }
        SecurityRequirement session = OASFactory.createSecurityRequirement().addScheme(RestApplication.SESSION);
        return signedIn
                ? List.of(basic, token, session)
                : List.of(OASFactory.createSecurityRequirement(), basic, token, session);
    }

    private static void addError(Operation operation, String status) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (!operation.getResponses().hasAPIResponse(status)) {
            operation.getResponses().addAPIResponse(status, ProblemAnswers.reference(status));
        }
    }

    /**
     * Payara names the host and port it listens on ({@code http://localhost:8080/issuetracker/}): wrong for every
     * client behind a balancer or on another machine, and with a trailing slash that doubles the paths' first one.
     * The context root alone resolves against wherever the document was fetched from.
     */
    private static void relativeToTheDocument(Server server) {
        if (server.getUrl() == null) {
            return;
        }
        String path = URI.create(server.getUrl()).getRawPath();
        while (path != null && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        server.setUrl(path == null || path.isEmpty() ? "/" : path);
    }

    /**
     * Payara writes a tag for every resource class that names one, so a tag shared by several classes appears
     * several times; the described one (from {@link RestApplication}) is kept.
     */
    private static List<Tag> oncePerName(List<Tag> tags) {
        Map<String, Tag> byName = new LinkedHashMap<>();
        for (Tag tag : tags) {
            byName.merge(tag.getName(), tag, (kept, other) -> kept.getDescription() != null ? kept : other);
        }
        return new ArrayList<>(byName.values());
    }

    /**
     * Payara adds a top-level {@code endpoints} map that OpenAPI does not define (clients and linters reject it).
     * Emptied, not removed: Payara's own merging and cloning read it, and an empty one is not written.
     */
    private static void withoutPayaraEndpoints(OpenAPI openAPI) {
        try {
            Method endpoints = openAPI.getClass().getMethod("getEndpoints");
            if (endpoints.invoke(openAPI) instanceof Map<?, ?> map) {
                map.clear();
            }
        } catch (NoSuchMethodException notPayara) {
            // another server's model: nothing to remove
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot remove Payara's endpoints from the OpenAPI document", e);
        }
    }
}
