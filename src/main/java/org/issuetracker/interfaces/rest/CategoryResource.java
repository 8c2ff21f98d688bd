package org.issuetracker.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.issuetracker.domain.reference.ReferenceKind;
import org.issuetracker.interfaces.rest.Representations.ReferenceRequest;
import org.issuetracker.interfaces.rest.Representations.ReferenceResponse;

/** {@code /api/categories}: everyone reads them; admins create, rename, archive and restore them. */
@Path("categories")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Categories")
public class CategoryResource {

    private static final ReferenceKind KIND = ReferenceKind.CATEGORY;

    @Inject
    ReferenceEndpoints endpoints;

    @GET
    @Operation(
            operationId = "listCategories",
            summary = "List",
            description = "By name; archived ones too with includeArchived=true.")
    public List<ReferenceResponse> list(@QueryParam("includeArchived") String includeArchived) {
        return endpoints.list(KIND, includeArchived);
    }

    @GET
    @Path("{id}")
    @Operation(
            operationId = "getCategory",
            summary = "Read one",
            description = "ETag is the version; If-None-Match answers 304.")
    public Response get(@PathParam("id") String id, @Context Request request) {
        return endpoints.get(KIND, id, request);
    }

    @POST
    @Operation(
            operationId = "createCategory",
            summary = "Create",
            description = "Admins only. A name taken, whatever its case: 409.")
    public Response create(ReferenceRequest body, @Context UriInfo uriInfo) {
        return endpoints.create(KIND, body, uriInfo);
    }

    @PUT
    @Path("{id}")
    @Operation(
            operationId = "updateCategory",
            summary = "Rename or describe",
            description = "Admins only. A stale If-Match: 412.")
    public Response update(@PathParam("id") String id, ReferenceRequest body, @Context HttpHeaders headers) {
        return endpoints.update(KIND, id, body, headers);
    }

    @DELETE
    @Path("{id}")
    @Operation(
            operationId = "archiveCategory",
            summary = "Archive",
            description = "Admins only. Issues keep it; new issues cannot use it.")
    public Response archive(@PathParam("id") String id) {
        return endpoints.archive(KIND, id);
    }

    @POST
    @Path("{id}/restore")
    @Operation(operationId = "restoreCategory", summary = "Restore", description = "Admins only.")
    public Response restore(@PathParam("id") String id) {
        return endpoints.restore(KIND, id);
    }
}
