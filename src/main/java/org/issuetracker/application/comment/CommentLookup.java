package org.issuetracker.application.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.issuetracker.application.caching.CacheRegion;
import org.issuetracker.application.caching.CachedIn;
import org.issuetracker.domain.comment.Comment;
import org.issuetracker.domain.comment.CommentRepository;
import org.issuetracker.domain.issue.IssueId;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;

/**
 * The first page of an issue's visible comments (at the standard page size), read through the {@code comments} cache
 * region keyed by the issue's id: what the issue page and the API show unless asked for another page, and the count
 * of comments of a single issue. A write evicts exactly that entry. Later pages are read rarely, by those who page
 * through a long discussion, and go to the database.
 */
@ApplicationScoped
public class CommentLookup {

    /** Comments per page unless asked otherwise. */
    public static final int PAGE_SIZE = 50;

    @Inject
    CommentRepository comments;

    @CachedIn(CacheRegion.COMMENTS)
    public Page<Comment> firstPage(IssueId issueId) {
        return comments.forIssue(issueId, new PageRequest(0, PAGE_SIZE));
    }
}
