package org.issuetracker.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.issuetracker.application.issue.IssueService;
import org.issuetracker.application.issue.IssueView;
import org.issuetracker.application.issue.IssueViews;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.issue.IssueQuery;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;

/**
 * {@code /api/issues.csv}: the issues matching the same filters as {@code /api/issues}, all pages up to a cap
 * ({@link CsvExportLimits}: lower for anonymous callers, who are also rate limited per address), as RFC 4180 CSV
 * that spreadsheets open as data only ({@link CsvFormat}). A cut-off export says so twice: in the
 * {@value #TRUNCATED_HEADER} header, for programs, and in a last row, for whoever opens the file.
 */
@Path("issues.csv")
@RequestScoped
@Tag(name = "Issues")
public class IssueCsvResource {

    static final String TRUNCATED_HEADER = "X-Export-Truncated";
    private static final List<String> HEADER = List.of(
            "id",
            "title",
            "category",
            "status",
            "author",
            "assignee",
            "labels",
            "votes",
            "approval",
            "archived",
            "created",
            "modified",
            "closed");

    @Inject
    IssueService issues;

    @Inject
    IssueViews views;

    @Inject
    CsvExportLimits limits;

    @Inject
    Actor actor;

    @Context
    UriInfo uriInfo;

    @Context
    HttpServletRequest request;

    @GET
    @Produces("text/csv")
    @Operation(
            operationId = "exportIssuesCsv",
            summary = "Search issues as CSV",
            description = "Same filters and sort as GET /api/issues; up to export.csv.max-rows rows"
                    + " (export.csv.anonymous.max-rows without signing in, and export.csv.anonymous.per-minute"
                    + " exports per client address: 429 beyond). A cut-off export has the X-Export-Truncated header"
                    + " and a last row saying so.")
    public Response export() {
        IssueQuery query = IssueQueryParameters.parse(uriInfo.getQueryParameters());
        Optional<Duration> wait = limits.waitBeforeExport(actor, request);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            return Problem.of(
                            Response.Status.TOO_MANY_REQUESTS,
                            "too-many-exports",
                            "Too many CSV exports from this address without signing in: try again in " + seconds
                                    + " s, or sign in")
                    .toResponseBuilder()
                    .header(HttpHeaders.RETRY_AFTER, seconds)
                    .build();
        }
        int maxRows = limits.rowsFor(actor);
        Page<Issue> first = issues.search(query.withPage(new PageRequest(0, PageRequest.MAX_SIZE)), actor);
        boolean truncated = first.total() > maxRows;
        StreamingOutput body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            CsvFormat.writeRow(writer, HEADER);
            Page<Issue> page = first;
            int rows = 0;
            while (true) {
                for (IssueView view : views.of(page).items()) {
                    if (rows == maxRows) {
                        break;
                    }
                    CsvFormat.writeRow(writer, row(view));
                    rows++;
                }
                if (!page.hasNext() || rows >= maxRows) {
                    break;
                }
                page = issues.search(query.withPage(new PageRequest(page.page() + 1, PageRequest.MAX_SIZE)), actor);
            }
            if (truncated) {
                CsvFormat.writeRow(writer, truncationNote(rows, first.total()));
            }
            writer.flush();
        };
        Response.ResponseBuilder response = Response.ok(body)
                .type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"issues.csv\"");
        if (truncated) {
            response.header(TRUNCATED_HEADER, "first " + maxRows + " of " + first.total() + " issues");
        }
        return response.build();
    }

    /** A last row in the id column (the others empty, so the file keeps its shape). */
    private static List<String> truncationNote(int rows, long total) {
        List<String> note = new ArrayList<>(Collections.nCopies(HEADER.size(), ""));
        note.set(
                0,
                "(truncated: the first " + rows + " of " + total
                        + " issues; narrow the filter, sign in, or page through GET /api/issues)");
        return note;
    }

    private static List<String> row(IssueView view) {
        Issue issue = view.issue();
        return List.of(
                issue.id().value(),
                issue.title(),
                view.category().name(),
                view.status().name(),
                view.author().displayName(),
                view.assignee() == null ? "" : view.assignee().displayName(),
                String.join(";", issue.labels()),
                String.valueOf(issue.voteCount()),
                issue.approval().name(),
                String.valueOf(issue.isArchived()),
                String.valueOf(issue.createdAt()),
                String.valueOf(issue.modifiedAt()),
                issue.closedAt() == null ? "" : issue.closedAt().toString());
    }
}
