package org.issuetracker.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.issuetracker.application.caching.CacheRegion;
import org.issuetracker.application.comment.CommentLookup;
import org.issuetracker.application.comment.CommentService;
import org.issuetracker.application.issue.IssueService;
import org.issuetracker.application.issue.IssueViews;
import org.issuetracker.domain.comment.CommentText;
import org.issuetracker.domain.issue.Approval;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.issue.IssueEdit;
import org.issuetracker.domain.issue.IssueId;
import org.issuetracker.domain.issue.NewIssue;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.shared.InvalidReferenceException;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;
import org.issuetracker.interfaces.rest.Representations.ApprovalRequest;
import org.issuetracker.interfaces.rest.Representations.CommentRequest;
import org.issuetracker.interfaces.rest.Representations.CommentResponse;
import org.issuetracker.interfaces.rest.Representations.HistoryResponse;
import org.issuetracker.interfaces.rest.Representations.IssueRequest;
import org.issuetracker.interfaces.rest.Representations.IssueResponse;
import org.issuetracker.interfaces.rest.Representations.NewIssueRequest;
import org.issuetracker.interfaces.rest.Representations.StatusRequest;

/** {@code /api/issues}: search, file, read, edit, archive and triage issues; their votes, history and comments. */
@Path("issues")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Issues")
public class IssueResource {

    @Inject
    IssueService issues;

    @Inject
    CommentService comments;

    @Inject
    IssueViews views;

    @Inject
    Actor actor;

    @Inject
    CachedAnswers answers;

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest servletRequest;

    @GET
    @Operation(
            operationId = "searchIssues",
            summary = "Search issues",
            description =
                    "Filters: q, status, category, label (repeatable, all must"
                            + " match), author, assignee, approval, archived, createdFrom, createdTo; sort = newest | oldest | votes |"
                            + " updated (the last change to the issue: votes are not changes); page (from 0), size (1-100, default 20). A Link header names first, prev, next and last.")
    public Response search() {
        return answers.get(servletRequest, actor, CacheRegion.ISSUE_QUERIES, () -> {
                    Page<IssueResponse> page = views.of(
                                    issues.search(IssueQueryParameters.parse(uriInfo.getQueryParameters()), actor))
                            .map(view -> IssueResponse.of(view, actor));
                    List<CachedAnswers.Header> links = Arrays.stream(PageParameters.links(uriInfo, page))
                            .map(link -> new CachedAnswers.Header(HttpHeaders.LINK, link.toString()))
                            .toList();
                    return answers.answer(PageResponse.of(page), CachedAnswers.NO_VERSION, links);
                })
                .toResponse(request);
    }

    @POST
    @Operation(
            operationId = "fileIssue",
            summary = "File an issue",
            description = "It starts Open and PENDING until an admin approves it.")
    public Response file(NewIssueRequest body) {
        Issue issue = issues.file(
                body == null ? null : new NewIssue(body.title(), body.description(), body.categoryId(), body.labels()),
                actor);
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(issue.id().value())
                        .build())
                .tag(EntityTags.of(issue.version()))
                .entity(response(issue))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(
            operationId = "getIssue",
            summary = "Read an issue",
            description = "ETag is the version; If-None-Match answers 304.")
    public Response get(@PathParam("id") String id) {
        IssueId issueId = IssueId.parse(id);
        return answers.get(servletRequest, actor, CacheRegion.ISSUES, () -> {
                    Issue issue = issues.get(issueId, actor);
                    return answers.answer(response(issue), issue.version(), List.of());
                })
                .toResponse(request);
    }

    @PUT
    @Path("{id}")
    @Operation(
            operationId = "editIssue",
            summary = "Edit an issue",
            description = "Author or admin. If-Match with a stale version: 412. Moderation: when anyone but an admin"
                    + " changes the title, description or labels of an APPROVED issue, the issue goes back to the"
                    + " approval queue: the response says approval PENDING and awaitingReapproval true, and others"
                    + " neither see nor find it until an admin approves it again (votes, comments and status are"
                    + " kept). Category and assignee alone change without a review; admins' edits never need one.")
    public Response edit(@PathParam("id") String id, IssueRequest body) {
        IssueEdit edit = body == null
                ? null
                : new IssueEdit(body.title(), body.description(), body.categoryId(), body.labels(), body.assignee());
        Issue issue = issues.edit(IssueId.parse(id), edit, EntityTags.expectedVersion(headers), actor);
        return EntityTags.written(issue.version(), response(issue));
    }

    @DELETE
    @Path("{id}")
    @Operation(
            operationId = "archiveIssue",
            summary = "Archive an issue",
            description = "Author or admin; an admin can restore it.")
    public Response archive(@PathParam("id") String id) {
        return written(issues.archive(IssueId.parse(id), actor));
    }

    @POST
    @Path("{id}/restore")
    @Operation(operationId = "restoreIssue", summary = "Restore an archived issue", description = "Admins only.")
    public Response restore(@PathParam("id") String id) {
        return written(issues.restore(IssueId.parse(id), actor));
    }

    @PUT
    @Path("{id}/status")
    @Operation(
            operationId = "changeIssueStatus",
            summary = "Change the status",
            description = "Admins only. Body: {\"statusId\": \"...\"}")
    public Response changeStatus(@PathParam("id") String id, StatusRequest body) {
        String statusId = body == null ? null : body.statusId();
        return written(issues.changeStatus(IssueId.parse(id), statusId, EntityTags.expectedVersion(headers), actor));
    }

    @POST
    @Path("{id}/approval")
    @Operation(
            operationId = "decideIssueApproval",
            summary = "Approve or reject",
            description = "Admins only. Body: {\"decision\": \"APPROVED\"}")
    public Response decide(@PathParam("id") String id, ApprovalRequest body) {
        return written(issues.decide(IssueId.parse(id), decision(body), actor));
    }

    @POST
    @Path("{id}/votes")
    @Operation(
            operationId = "voteForIssue",
            summary = "Vote for an issue",
            description = "Once per user; never on one's own issue.")
    public Response vote(@PathParam("id") String id) {
        return written(issues.vote(IssueId.parse(id), actor));
    }

    @DELETE
    @Path("{id}/votes")
    @Operation(operationId = "removeIssueVote", summary = "Take one's vote back")
    public Response unvote(@PathParam("id") String id) {
        return written(issues.unvote(IssueId.parse(id), actor));
    }

    @GET
    @Path("{id}/history")
    @Operation(
            operationId = "getIssueHistory",
            summary = "The history of an issue",
            description = "Every change and comment, oldest first, a page at a time: page (from 0), size (1-100,"
                    + " default 50). The body is the page's entries; X-Total-Count and the Link header tell the rest."
                    + " Others than the author and admins see only what happened while the issue was approved, the"
                    + " filing and the approval decisions: changes made before its approval, or while an author's"
                    + " edit waited for approval again, are left out.")
    public Response history(
            @PathParam("id") String id, @QueryParam("page") String page, @QueryParam("size") String size) {
        IssueId issueId = IssueId.parse(id);
        PageRequest request = PageParameters.parse(page, size, IssueService.HISTORY_PAGE_SIZE);
        return PageResponse.array(issues.history(issueId, request, actor).map(HistoryResponse::of), uriInfo);
    }

    @GET
    @Path("{id}/comments")
    @Operation(
            operationId = "listIssueComments",
            summary = "The comments of an issue",
            description = "Oldest first; archived ones are not shown. A page at a time: page (from 0), size (1-100,"
                    + " default 50). The body is the page's comments; X-Total-Count and the Link header tell the rest.")
    public Response comments(
            @PathParam("id") String id, @QueryParam("page") String page, @QueryParam("size") String size) {
        IssueId issueId = IssueId.parse(id);
        PageRequest request = PageParameters.parse(page, size, CommentLookup.PAGE_SIZE);
        String answer = issues.get(issueId, actor).answerCommentId();
        Page<CommentResponse> comments = this.comments
                .list(issueId, request, actor)
                .map(c -> CommentResponse.of(c, views.person(c.author()), answer, actor));
        return PageResponse.array(comments, uriInfo);
    }

    @POST
    @Path("{id}/comments")
    @Operation(operationId = "commentOnIssue", summary = "Comment on an issue")
    public Response comment(@PathParam("id") String id, CommentRequest body) {
        IssueId issueId = IssueId.parse(id);
        var comment = comments.add(issueId, body == null ? null : new CommentText(body.body()), actor);
        return Response.created(uriInfo.getBaseUriBuilder()
                        .path("comments")
                        .path(comment.id().value())
                        .build())
                .tag(EntityTags.of(comment.version()))
                .entity(CommentResponse.of(comment, views.person(comment.author()), null, actor))
                .build();
    }

    private Response written(Issue issue) {
        return EntityTags.written(issue.version(), response(issue));
    }

    private IssueResponse response(Issue issue) {
        return IssueResponse.of(views.of(issue), actor);
    }

    private static Approval decision(ApprovalRequest body) {
        String text = body == null ? null : body.decision();
        if (text != null) {
            for (Approval approval : Approval.values()) {
                if (approval != Approval.PENDING && approval.name().equalsIgnoreCase(text.trim())) {
                    return approval;
                }
            }
        }
        throw new InvalidReferenceException("decision", "The decision is APPROVED or REJECTED");
    }
}
