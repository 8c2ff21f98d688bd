package org.issuetracker.interfaces.web.issue;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.issuetracker.application.issue.IssueService;
import org.issuetracker.application.issue.IssueView;
import org.issuetracker.application.issue.IssueViews;
import org.issuetracker.domain.issue.IssueQuery;
import org.issuetracker.domain.issue.IssueSort;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.shared.AuthenticationRequiredException;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;

/**
 * {@code /issues.csv?<the list's filter>}: the issues of the current filter as CSV (RFC 4180, UTF-8 with a byte
 * order mark so that spreadsheet programs read it as UTF-8), read page by page, at most {@link #MAX_ROWS} rows.
 * Cells that a spreadsheet would run as a formula (starting with = + - @) are prefixed with an apostrophe.
 */
@WebServlet("/issues.csv")
public class IssueCsvExport extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final int MAX_ROWS = 10_000;

    @Inject
    transient IssueService issues;

    @Inject
    transient IssueViews views;

    @Inject
    transient jakarta.enterprise.inject.Instance<Actor> actor;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        IssueFilter filter = IssueFilter.from(request.getParameterMap()).onPage(1);
        IssueQuery query = filter.toQuery(IssueSort.NEWEST, PageRequest.MAX_SIZE);
        Actor caller = actor.get();
        Page<IssueView> page;
        try {
            page = views.of(issues.search(query, caller));
        } catch (AuthenticationRequiredException e) {
            response.sendRedirect(request.getContextPath() + "/signin.xhtml");
            return;
        }
        response.setContentType("text/csv");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"issues.csv\"");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        out.write('\uFEFF');
        row(
                out,
                List.of(
                        "id",
                        "title",
                        "status",
                        "category",
                        "labels",
                        "author",
                        "assignee",
                        "votes",
                        "comments",
                        "created",
                        "updated",
                        "closed"));
        int written = 0;
        while (true) {
            for (IssueView view : page.items()) {
                if (written++ >= MAX_ROWS) {
                    return;
                }
                row(
                        out,
                        List.of(
                                view.issue().id().value(),
                                view.issue().title(),
                                view.status().name(),
                                view.category().name(),
                                String.join(", ", view.issue().labels()),
                                view.issue().author(),
                                view.issue().assignee() == null
                                        ? ""
                                        : view.issue().assignee(),
                                String.valueOf(view.issue().voteCount()),
                                String.valueOf(view.commentCount()),
                                DateTimeFormatter.ISO_INSTANT.format(
                                        view.issue().createdAt()),
                                DateTimeFormatter.ISO_INSTANT.format(
                                        view.issue().modifiedAt()),
                                view.issue().closedAt() == null
                                        ? ""
                                        : DateTimeFormatter.ISO_INSTANT.format(
                                                view.issue().closedAt())));
            }
            if (!page.hasNext()) {
                return;
            }
            page = views.of(
                    issues.search(query.withPage(new PageRequest(page.page() + 1, PageRequest.MAX_SIZE)), caller));
        }
    }

    private static void row(PrintWriter out, List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        out.write(line.append("\r\n").toString());
    }

    static String cell(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
