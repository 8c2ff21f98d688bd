package org.issuetracker.domain.history;

import java.time.Instant;
import org.issuetracker.domain.issue.IssueId;

/**
 * One thing that happened to an issue. For a change, {@code field} with its old and new value (as shown to
 * users); for a comment, {@code field} is {@code "comment"} and {@code newValue} the comment's id.
 */
public record HistoryEntry(IssueId issueId, Instant at, String by, String field, String oldValue, String newValue) {}
