package org.issuetracker.application.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.issuetracker.application.caching.CacheRegion;
import org.issuetracker.application.caching.CachedIn;
import org.issuetracker.domain.comment.Comment;
import org.issuetracker.domain.comment.CommentRepository;
import org.issuetracker.domain.issue.IssueId;

/** The visible comments of an issue, read through the {@code comments} cache region (keyed by issue id). */
@ApplicationScoped
public class CommentLookup {

    @Inject
    CommentRepository comments;

    @CachedIn(CacheRegion.COMMENTS)
    public List<Comment> forIssue(IssueId issueId) {
        return comments.forIssue(issueId, false);
    }
}
