package org.issuetracker.domain.history;

import java.util.List;
import org.issuetracker.domain.issue.IssueId;

/** Where the history of issues is kept: append-only. */
public interface HistoryRepository {

    void append(List<HistoryEntry> entries);

    /** Everything that happened to the issue, oldest first. */
    List<HistoryEntry> forIssue(IssueId issueId);
}
