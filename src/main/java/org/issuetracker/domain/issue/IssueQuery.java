package org.issuetracker.domain.issue;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.issuetracker.domain.shared.PageRequest;

/**
 * A search for issues. Every criterion is optional ({@code null} or empty) and all must match; {@code labels}
 * must all be on the issue. {@code text} matches title or description, literally and case-insensitively.
 * {@code visibility} is not the client's to choose: the service sets it from who is asking. A search is bounded
 * before it costs anything: its text has at most {@link #MAX_TEXT_LENGTH} characters, and it names at most as many
 * labels as an issue can carry (more could match nothing).
 */
public record IssueQuery(
        @Size(max = IssueQuery.MAX_TEXT_LENGTH, message = "{search.text.size}")
                @Pattern(regexp = IssueQuery.SEARCHABLE, message = "{search.text.characters}")
                String text,
        String statusId,
        String categoryId,
        @Size(max = IssueQuery.MAX_LABELS, message = "{search.labels.count}")
                List<@Size(max = Labels.MAX_LENGTH, message = "{issue.label.size}") String> labels,
        String author,
        String assignee,
        Approval approval,
        boolean archived,
        Instant createdFrom,
        Instant createdTo,
        IssueSort sort,
        PageRequest page,
        Visibility visibility) {

    /** Which issues a reader may see at all. */
    public record Visibility(boolean everything, String ownerToo) {

        /** Admins see every issue. */
        public static final Visibility ALL = new Visibility(true, null);
        /** Anonymous readers see public issues only. */
        public static final Visibility PUBLIC = new Visibility(false, null);

        /** A signed-in user sees public issues and all of their own. */
        public static Visibility publicAndOwnOf(String username) {
            return new Visibility(false, username);
        }
    }

    public static final int MAX_TEXT_LENGTH = 200;
    /**
     * Text without NUL: the text becomes a regular expression, which BSON stores as a C string, so a NUL could never
     * be sent to the database (and no stored title holds one worth finding).
     */
    public static final String SEARCHABLE = "[^\\x00]*";

    public static final int MAX_LABELS = Labels.MAX_COUNT;

    public IssueQuery {
        text = Texts.normalize(text);
        labels = Labels.normalize(labels);
        sort = sort == null ? IssueSort.NEWEST : sort;
        page = page == null ? PageRequest.first() : page;
        visibility = visibility == null ? Visibility.PUBLIC : visibility;
    }

    /** Everything visible to the reader, newest first, on the given page. */
    public static IssueQuery all(PageRequest page, Visibility visibility) {
        return new IssueQuery(null, null, null, List.of(), null, null, null, false, null, null, null, page, visibility);
    }

    /** Issues waiting for an admin's decision (not archived), in the given order. */
    public static IssueQuery awaitingApproval(IssueSort sort, PageRequest page) {
        return new IssueQuery(
                null, null, null, List.of(), null, null, Approval.PENDING, false, null, null, sort, page, null);
    }

    /**
     * A user's own issues, newest first: those with the given approval that are not archived, or (approval
     * {@code null}, {@code archived} true) the archived ones.
     */
    public static IssueQuery byAuthor(String author, Approval approval, boolean archived, PageRequest page) {
        return new IssueQuery(
                null,
                null,
                null,
                List.of(),
                author,
                null,
                approval,
                archived,
                null,
                null,
                IssueSort.NEWEST,
                page,
                null);
    }

    public IssueQuery withVisibility(Visibility newVisibility) {
        return new IssueQuery(
                text,
                statusId,
                categoryId,
                labels,
                author,
                assignee,
                approval,
                archived,
                createdFrom,
                createdTo,
                sort,
                page,
                newVisibility);
    }

    public IssueQuery withPage(PageRequest newPage) {
        return new IssueQuery(
                text,
                statusId,
                categoryId,
                labels,
                author,
                assignee,
                approval,
                archived,
                createdFrom,
                createdTo,
                sort,
                newPage,
                visibility);
    }
}
