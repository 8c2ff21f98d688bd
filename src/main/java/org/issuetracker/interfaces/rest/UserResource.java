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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.issuetracker.application.user.UserService;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.user.NewUser;
import org.issuetracker.domain.user.User;
import org.issuetracker.domain.user.UserChanges;
import org.issuetracker.interfaces.rest.Representations.NewUserRequest;
import org.issuetracker.interfaces.rest.Representations.UserRequest;
import org.issuetracker.interfaces.rest.Representations.UserResponse;

/** {@code /api/users}: account management, for admins. */
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class UserResource {

    @Inject
    UserService users;

    @Inject
    Actor actor;

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(
            operationId = "listUsers",
            summary = "List users",
            description = "Admins only; by username, paged (page, size).")
    public Response list() {
        Page<UserResponse> page = users.list(
                        PageParameters.parse(
                                uriInfo.getQueryParameters().getFirst("page"),
                                uriInfo.getQueryParameters().getFirst("size")),
                        actor)
                .map(UserResponse::of);
        return PageResponse.ok(page, uriInfo);
    }

    @POST
    @Operation(
            operationId = "createUser",
            summary = "Create a user",
            description = "Admins only. Roles: USER, ADMIN. A taken username: 409.")
    public Response create(NewUserRequest body) {
        User user = users.create(
                body == null
                        ? null
                        : new NewUser(body.username(), body.displayName(), body.email(), body.password(), body.roles()),
                actor);
        return Response.created(
                        uriInfo.getAbsolutePathBuilder().path(user.username()).build())
                .tag(EntityTags.of(user.version()))
                .entity(UserResponse.of(user))
                .build();
    }

    @GET
    @Path("{username}")
    @Operation(operationId = "getUser", summary = "Read a user", description = "Admins, or the user themselves.")
    public Response get(@PathParam("username") String username) {
        User user = users.get(username, actor);
        return EntityTags.read(request, user.version(), () -> UserResponse.of(user));
    }

    @PUT
    @Path("{username}")
    @Operation(
            operationId = "updateUser",
            summary = "Change a user",
            description = "Admins only: name, e-mail, roles, active; a password only"
                    + " to set a new one. If-Match with a stale version: 412.")
    public Response update(@PathParam("username") String username, UserRequest body) {
        UserChanges changes = body == null
                ? null
                : new UserChanges(
                        body.displayName(),
                        body.email(),
                        body.password(),
                        body.roles(),
                        !Boolean.FALSE.equals(body.active()));
        User user = users.update(username, changes, EntityTags.expectedVersion(headers), actor);
        return EntityTags.written(user.version(), UserResponse.of(user));
    }

    @DELETE
    @Path("{username}")
    @Operation(
            operationId = "deactivateUser",
            summary = "Deactivate a user",
            description = "Admins only; the account stays, it cannot sign in.")
    public Response deactivate(@PathParam("username") String username) {
        User user = users.deactivate(username, actor);
        return EntityTags.written(user.version(), UserResponse.of(user));
    }
}
