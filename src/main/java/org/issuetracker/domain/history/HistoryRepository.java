package org.issuetracker.domain.history;

import java.util.List;
import org.issuetracker.domain.issue.IssueId;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;

/** Where the history of issues is kept: append-only. */
public interface HistoryRepository {

    void append(List<HistoryEntry> entries);

    /** One page of everything that happened to the issue, oldest first, with the number of entries. */
    Page<HistoryEntry> forIssue(IssueId issueId, PageRequest page);

    /** Everything that happened to the issue, oldest first, in one query (for what needs the whole of it). */
    List<HistoryEntry> allForIssue(IssueId issueId);
}
