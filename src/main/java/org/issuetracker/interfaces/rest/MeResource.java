package org.issuetracker.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.issuetracker.application.issue.IssueViews;
import org.issuetracker.application.user.UserService;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.user.PasswordChange;
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
    UserService users;

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

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "changeOwnPassword",
            summary = "Change your password",
            description = "Body: {\"currentPassword\": ..., \"newPassword\": ...} (8 to 128 characters). 204; 400 with"
                    + " the field when the current password is wrong or the new one is invalid or the same. Ends the"
                    + " account's signed-in web sessions on every instance. The only write allowed while a"
                    + " temporary password must be changed (passwordChangeRequired in GET /api/me).")
    public Response changePassword(PasswordChangeRequest body) {
        actor.requireSignedIn("change your password");
        PasswordChange change = body == null
                ? new PasswordChange(null, null)
                : new PasswordChange(body.currentPassword(), body.newPassword());
        users.changeOwnPassword(actor.username(), change, actor);
        return Response.noContent().build();
    }

    /** The body of {@code PUT /api/me/password} (the rules are the domain's {@link PasswordChange}). */
    public record PasswordChangeRequest(String currentPassword, String newPassword) {}
}
