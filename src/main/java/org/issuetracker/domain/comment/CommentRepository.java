package org.issuetracker.domain.comment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.issuetracker.domain.issue.IssueId;

/** Where comments are kept. */
public interface CommentRepository {

    CommentId nextId();

    Comment add(Comment comment);

    Optional<Comment> find(CommentId id);

    Optional<Comment> replace(Comment changed, long expectedVersion);

    /** The comments of an issue, oldest first; archived ones only if asked for. */
    List<Comment> forIssue(IssueId issueId, boolean includeArchived);

    /** The number of visible comments of each of these issues (absent: none). */
    Map<IssueId, Long> countByIssue(Set<IssueId> issueIds);
}
