package org.issuetracker.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.issuetracker.application.user.ApiTokenService;
import org.issuetracker.domain.shared.AccessDeniedException;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.interfaces.rest.TokenRepresentations.CreatedTokenResponse;
import org.issuetracker.interfaces.rest.TokenRepresentations.TokenRequest;
import org.issuetracker.interfaces.rest.TokenRepresentations.TokenResponse;

/** {@code /api/me/tokens}: the caller's personal API tokens. */
@Path("me/tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class TokenResource {

    @Inject
    ApiTokenService tokens;

    @Inject
    Actor actor;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(
            operationId = "listOwnTokens",
            summary = "Your API tokens",
            description = "Newest first, with when each was made, last used (to the minute) and expires; never"
                    + " their secrets.")
    public List<TokenResponse> list() {
        actor.requireSignedIn("see your API tokens");
        return tokens.list(actor.username(), actor).stream()
                .map(TokenResponse::of)
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createOwnToken",
            summary = "Make an API token",
            description = "Body: {\"name\": ..., \"expiresAt\": ...} (name 1 to 60 characters; expiresAt optional, a"
                    + " date or an instant in the future, at most 366 days away). 201 with the secret in token:"
                    + " shown this once, send it as Authorization: Bearer. It acts as you, with your roles, until it"
                    + " expires, is revoked, or your password changes or the account is deactivated. At most 50"
                    + " tokens per account (409). Made with a password only: a request signed in with a token gets"
                    + " 403, so a leaked token cannot make itself a successor.")
    public Response create(TokenRequest body) {
        actor.requireSignedIn("make API tokens");
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new AccessDeniedException("API tokens are made with your password, not with another token");
        }
        CreatedTokenResponse created =
                CreatedTokenResponse.of(tokens.create(body == null ? null : body.toNewToken(), actor));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(Response.Status.CREATED)
                .cacheControl(noStore)
                .entity(created)
                .build();
    }

    @DELETE
    @Path("{id}")
    @Operation(
            operationId = "revokeOwnToken",
            summary = "Revoke one of your API tokens",
            description = "204; the token stops working at once, on every instance. Another user's token, like an"
                    + " unknown id, is a 404.")
    public Response revoke(@PathParam("id") String id) {
        actor.requireSignedIn("revoke your API tokens");
        tokens.revoke(actor.username(), id, actor);
        return Response.noContent().build();
    }
}
