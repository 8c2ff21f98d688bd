package org.issuetracker.domain.comment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.issuetracker.domain.issue.IssueId;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;

/** Where comments are kept. */
public interface CommentRepository {

    CommentId nextId();

    Comment add(Comment comment);

    Optional<Comment> find(CommentId id);

    Optional<Comment> replace(Comment changed, long expectedVersion);

    /** All the comments of an issue, oldest first; archived ones only if asked for. For tools, not for requests. */
    List<Comment> forIssue(IssueId issueId, boolean includeArchived);

    /** One page of the visible (not archived) comments of an issue, oldest first, with their number. */
    Page<Comment> forIssue(IssueId issueId, PageRequest page);

    /** The comments a user wrote, newest first, archived ones included. */
    Page<Comment> byAuthor(String author, PageRequest page);

    /** The number of visible comments of each of these issues (absent: none). */
    Map<IssueId, Long> countByIssue(Set<IssueId> issueIds);
}
