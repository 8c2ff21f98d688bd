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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.issuetracker.application.comment.CommentService;
import org.issuetracker.application.issue.IssueService;
import org.issuetracker.application.issue.IssueViews;
import org.issuetracker.domain.comment.Comment;
import org.issuetracker.domain.comment.CommentId;
import org.issuetracker.domain.comment.CommentText;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.interfaces.rest.Representations.CommentRequest;
import org.issuetracker.interfaces.rest.Representations.CommentResponse;
import org.issuetracker.interfaces.rest.Representations.IssueResponse;

/** {@code /api/comments/{id}}: one comment; edit, archive, mark as the answer, upvote. */
@Path("comments/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Comments")
public class CommentResource {

    @Inject
    CommentService comments;

    @Inject
    IssueService issues;

    @Inject
    IssueViews views;

    @Inject
    Actor actor;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(operationId = "getComment", summary = "Read a comment")
    public Response get(@PathParam("id") String id) {
        Comment comment = comments.get(CommentId.parse(id), actor);
        return EntityTags.read(request, comment.version(), () -> response(comment));
    }

    @PUT
    @Operation(
            operationId = "editComment",
            summary = "Edit a comment",
            description = "Its author only. If-Match with a stale version: 412.")
    public Response edit(@PathParam("id") String id, CommentRequest body) {
        Comment comment = comments.edit(
                CommentId.parse(id),
                body == null ? null : new CommentText(body.body()),
                EntityTags.expectedVersion(headers),
                actor);
        return EntityTags.written(comment.version(), response(comment));
    }

    @DELETE
    @Operation(operationId = "archiveComment", summary = "Archive a comment", description = "Its author or an admin.")
    public Response archive(@PathParam("id") String id) {
        Comment comment = comments.archive(CommentId.parse(id), actor);
        return EntityTags.written(comment.version(), response(comment));
    }

    @POST
    @Path("answer")
    @Operation(
            operationId = "markCommentAsAnswer",
            summary = "Mark as the issue's answer",
            description = "The issue's author or an admin; at most one"
                    + " answer per issue (this one replaces any other). Answers the issue.")
    public IssueResponse markAnswer(@PathParam("id") String id) {
        return IssueResponse.of(views.of(comments.markAnswer(CommentId.parse(id), actor)), actor);
    }

    @POST
    @Path("votes")
    @Operation(
            operationId = "upvoteComment",
            summary = "Upvote a comment",
            description = "Once per user; never one's own comment.")
    public Response upvote(@PathParam("id") String id) {
        Comment comment = comments.upvote(CommentId.parse(id), actor);
        return EntityTags.written(comment.version(), response(comment));
    }

    @DELETE
    @Path("votes")
    @Operation(operationId = "removeCommentUpvote", summary = "Take one's upvote back")
    public Response removeUpvote(@PathParam("id") String id) {
        Comment comment = comments.removeUpvote(CommentId.parse(id), actor);
        return EntityTags.written(comment.version(), response(comment));
    }

    private CommentResponse response(Comment comment) {
        String answer = issues.get(comment.issueId(), actor).answerCommentId();
        return CommentResponse.of(comment, views.person(comment.author()), answer, actor);
    }
}
