package org.issuetracker.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.issuetracker.application.issue.IssueService;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.issue.IssueId;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;

/** {@code /api/issues}: file, read and list issues. */
@Path("issues")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class IssueResource {

    @Inject
    IssueService issues;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response file(NewIssueRequest request) {
        Issue issue = issues.file(request == null ? null : request.toNewIssue());
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(issue.id().value())
                        .build())
                .entity(IssueResponse.of(issue))
                .build();
    }

    @GET
    @Path("{id}")
    public IssueResponse get(@PathParam("id") String id) {
        return IssueResponse.of(issues.get(IssueId.parse(id)));
    }

    /** Newest first; {@code page} counts from 0, {@code size} is 1 to 100 (20 by default). */
    @GET
    public Response list(@QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageParameters.parse(page, size);
        Page<IssueResponse> result = issues.newestFirst(request).map(IssueResponse::of);
        return Response.ok(PageResponse.of(result))
                .links(PageParameters.links(uriInfo, result))
                .build();
    }
}
