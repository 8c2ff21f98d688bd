package org.issuetracker.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.issuetracker.application.issue.IssueViews;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.interfaces.rest.Representations.UserResponse;

/** {@code /api/me}: who the caller is. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class MeResource {

    @Inject
    IssueViews views;

    @Inject
    Actor actor;

    @GET
    @Operation(
            operationId = "getCurrentUser",
            summary = "The signed-in user",
            description = "401 for anonymous callers.")
    public UserResponse me() {
        actor.requireSignedIn("see your account");
        return UserResponse.of(views.person(actor.username()));
    }
}
