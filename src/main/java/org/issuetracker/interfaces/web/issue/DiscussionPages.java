package org.issuetracker.interfaces.web.issue;

import java.util.Map;
import org.issuetracker.domain.shared.PageRequest;

/**
 * Which page of an issue's comments and of its history the issue page shows, from its URL
 * ({@code ?id=...&commentPage=3&historyPage=2}; pages count from 1 here, as people count). An issue may have
 * thousands of comments: the page reads and renders one page of each, never all. A value that makes no sense is the
 * first page; one past the end shows the last.
 */
record DiscussionPages(String issueId, int commentPage, int historyPage) {

    static final String COMMENT_PAGE = "commentPage";
    static final String HISTORY_PAGE = "historyPage";

    DiscussionPages {
        commentPage = Math.max(1, Math.min(commentPage, IssueFilter.MAX_PAGE));
        historyPage = Math.max(1, Math.min(historyPage, IssueFilter.MAX_PAGE));
    }

    static DiscussionPages from(String issueId, Map<String, String> parameters) {
        return new DiscussionPages(issueId, number(parameters.get(COMMENT_PAGE)), number(parameters.get(HISTORY_PAGE)));
    }

    PageRequest comments(int size) {
        return new PageRequest(commentPage - 1, size);
    }

    PageRequest history(int size) {
        return new PageRequest(historyPage - 1, size);
    }

    DiscussionPages onCommentPage(int page) {
        return new DiscussionPages(issueId, page, historyPage);
    }

    DiscussionPages onHistoryPage(int page) {
        return new DiscussionPages(issueId, commentPage, page);
    }

    /** The issue page's address (after the context path) for these pages, leaving out the first ones. */
    String path() {
        return "/issues/view.xhtml?id=" + issueId
                + (commentPage > 1 ? "&" + COMMENT_PAGE + "=" + commentPage : "")
                + (historyPage > 1 ? "&" + HISTORY_PAGE + "=" + historyPage : "");
    }

    private static int number(String text) {
        try {
            return text == null ? 1 : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
