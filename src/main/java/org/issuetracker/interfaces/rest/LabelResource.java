package org.issuetracker.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.issuetracker.application.issue.IssueService;
import org.issuetracker.domain.shared.Actor;

/** {@code /api/labels/suggestions}: labels in use, for autocompletion. */
@Path("labels")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Issues")
public class LabelResource {

    @Inject
    IssueService issues;

    @Inject
    Actor actor;

    @GET
    @Path("suggestions")
    @Operation(
            operationId = "suggestLabels",
            summary = "Label suggestions",
            description = "Up to 10 labels starting with prefix, most used first.")
    public List<String> suggestions(@QueryParam("prefix") String prefix) {
        return issues.labelSuggestions(prefix, actor);
    }
}
