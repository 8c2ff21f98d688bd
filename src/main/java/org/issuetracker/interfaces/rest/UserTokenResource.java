package org.issuetracker.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.issuetracker.application.user.ApiTokenService;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.interfaces.rest.TokenRepresentations.TokenResponse;

/** {@code /api/users/{username}/tokens}: a user's API tokens, for admins (a leaked one revoked for its owner). */
@Path("users/{username}/tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class UserTokenResource {

    @Inject
    ApiTokenService tokens;

    @Inject
    Actor actor;

    @GET
    @Operation(
            operationId = "listUserTokens",
            summary = "A user's API tokens",
            description = "Admins, or the user themselves; never their secrets.")
    public List<TokenResponse> list(@PathParam("username") String username) {
        return tokens.list(username, actor).stream().map(TokenResponse::of).toList();
    }

    @DELETE
    @Path("{id}")
    @Operation(
            operationId = "revokeUserToken",
            summary = "Revoke a user's API token",
            description = "Admins, or the user themselves. 204; the token stops working at once, on every instance.")
    public Response revoke(@PathParam("username") String username, @PathParam("id") String id) {
        tokens.revoke(username, id, actor);
        return Response.noContent().build();
    }
}
