package org.issuetracker.application.user;

import java.util.List;
import org.issuetracker.domain.issue.IssueSort;
import org.issuetracker.domain.shared.PageRequest;

/** How a user likes their lists: rows per page and the order of the issue list when the URL names none. */
public record Preferences(int pageSize, IssueSort sort) {

    /** The page sizes offered; anything else is not a preference. */
    public static final List<Integer> PAGE_SIZES = List.of(10, 20, 50, 100);

    public static final Preferences DEFAULTS = new Preferences(PageRequest.DEFAULT_SIZE, IssueSort.NEWEST);

    public Preferences {
        if (!PAGE_SIZES.contains(pageSize)) {
            throw new IllegalArgumentException("page size must be one of " + PAGE_SIZES + ", was " + pageSize);
        }
        sort = sort == null ? IssueSort.NEWEST : sort;
    }
}
