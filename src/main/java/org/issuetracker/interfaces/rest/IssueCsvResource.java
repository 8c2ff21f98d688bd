package org.issuetracker.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * {@code /api/issues.csv}: the issues matching the same filters as {@code /api/issues}, all pages (up to
 * {@value #MAX_ROWS}), as RFC 4180 CSV. Cells that a spreadsheet would run as a formula are prefixed with a quote.
 */
@Path("issues.csv")
@RequestScoped
@Tag(name = "Issues")
public class IssueCsvResource {

    static final int MAX_ROWS = 10_000;
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
    Actor actor;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces("text/csv")
    @Operation(
            operationId = "exportIssuesCsv",
            summary = "Search issues as CSV",
            description = "Same filters and sort as GET /api/issues.")
    public Response export() {
        IssueQuery query = IssueQueryParameters.parse(uriInfo.getQueryParameters());
        Page<Issue> first = issues.search(query.withPage(new PageRequest(0, PageRequest.MAX_SIZE)), actor);
        StreamingOutput body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            writeRow(writer, HEADER);
            Page<Issue> page = first;
            int rows = 0;
            while (true) {
                for (IssueView view : views.of(page).items()) {
                    writeRow(writer, row(view));
                    rows++;
                }
                if (!page.hasNext() || rows >= MAX_ROWS) {
                    break;
                }
                page = issues.search(query.withPage(new PageRequest(page.page() + 1, PageRequest.MAX_SIZE)), actor);
            }
            writer.flush();
        };
        return Response.ok(body)
                .type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"issues.csv\"")
                .build();
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

    private static void writeRow(Writer writer, List<String> cells) throws java.io.IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(cell(cells.get(i)));
        }
        writer.write("\r\n");
    }

    /** Quotes a cell when needed, and defuses formulas ({@code =cmd|...}) that spreadsheets would run. */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
