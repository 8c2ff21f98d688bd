package org.issuetracker.application.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.issuetracker.application.RequestValidation;
import org.issuetracker.application.caching.CacheInvalidator;
import org.issuetracker.application.caching.CacheRegion;
import org.issuetracker.application.issue.IssueHistory;
import org.issuetracker.application.issue.IssueService;
import org.issuetracker.application.operations.Monitored;
import org.issuetracker.domain.comment.Comment;
import org.issuetracker.domain.comment.CommentId;
import org.issuetracker.domain.comment.CommentNotFoundException;
import org.issuetracker.domain.comment.CommentRepository;
import org.issuetracker.domain.comment.CommentText;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.issue.IssueId;
import org.issuetracker.domain.issue.IssueNotFoundException;
import org.issuetracker.domain.shared.AccessDeniedException;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.shared.ConflictException;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;
import org.issuetracker.domain.shared.StaleVersionException;

/**
 * The rules of comments. Whoever can see an issue reads its comments; anyone signed in comments on an issue that
 * is not archived; authors edit their own; authors and admins archive; the issue's author or an admin picks the
 * answer; anyone signed in upvotes others' comments, once.
 */
@Monitored
@ApplicationScoped
public class CommentService {

    @Inject
    RequestValidation validation;

    @Inject
    CommentRepository comments;

    @Inject
    CommentLookup lookup;

    @Inject
    IssueService issues;

    @Inject
    IssueHistory history;

    @Inject
    CacheInvalidator invalidator;

    /** One page of the issue's visible comments, oldest first; the standard first page comes from the cache. */
    public Page<Comment> list(IssueId issueId, PageRequest page, Actor actor) {
        issues.get(issueId, actor);
        return page.page() == 0 && page.size() == CommentLookup.PAGE_SIZE
                ? lookup.firstPage(issueId)
                : comments.forIssue(issueId, page);
    }

    /**
     * The comments a user wrote, newest first, archived ones included (marked): for their own profile page, or an
     * admin's look at anyone's. Not cached: read rarely, by one person.
     */
    public Page<Comment> byAuthor(String username, PageRequest page, Actor actor) {
        actor.requireSelfOrAdmin(username, "list a user's comments");
        return comments.byAuthor(username, page);
    }

    /**
     * A comment of an issue the caller may not see is not found, like the issue: the answer names the comment, never
     * the hidden issue's id (which would tell that the comment exists, and where).
     */
    public Comment get(CommentId id, Actor actor) {
        Comment comment =
                comments.find(id).filter(c -> !c.archived()).orElseThrow(() -> new CommentNotFoundException(id));
        try {
            issues.get(comment.issueId(), actor);
        } catch (IssueNotFoundException hidden) {
            throw new CommentNotFoundException(id);
        }
        return comment;
    }

    public Comment add(IssueId issueId, CommentText text, Actor actor) {
        actor.requireSignedIn("comment");
        Issue issue = issues.get(issueId, actor);
        validation.check(text, "the comment");
        if (issue.isArchived()) {
            throw new ConflictException("The issue is archived: it takes no more comments");
        }
        Instant now = now();
        Comment added = comments.add(
                new Comment(comments.nextId(), issueId, text.body(), actor.username(), Set.of(), false, now, now, 0));
        history.commented(issueId, added.id().value(), actor.username(), now, "added");
        changed(issueId);
        return added;
    }

    public Comment edit(CommentId id, CommentText text, Long expectedVersion, Actor actor) {
        return change(id, expectedVersion, actor, comment -> {
            if (!actor.is(comment.author())) {
                throw new AccessDeniedException("Only its author may edit a comment");
            }
            validation.check(text, "the comment");
            return comment.body().equals(text.body()) ? comment : comment.withBody(text.body(), now());
        });
    }

    public Comment archive(CommentId id, Actor actor) {
        Comment archived = change(id, null, actor, comment -> {
            actor.requireSelfOrAdmin(comment.author(), "archive this comment");
            return comment.archived(now());
        });
        history.commented(archived.issueId(), id.value(), actor.username(), archived.modifiedAt(), "archived");
        Issue issue = issues.get(archived.issueId(), actor);
        if (id.value().equals(issue.answerCommentId())) {
            issues.markAnswer(issue.id(), null, actor);
        }
        return archived;
    }

    /** Makes the comment its issue's answer (replacing any other): the issue's author or an admin only. */
    public Issue markAnswer(CommentId id, Actor actor) {
        actor.requireSignedIn("pick an answer");
        Comment comment = get(id, actor);
        Issue issue = issues.get(comment.issueId(), actor);
        actor.requireSelfOrAdmin(issue.author(), "pick the answer of this issue");
        return issues.markAnswer(issue.id(), id.value(), actor);
    }

    public Comment upvote(CommentId id, Actor actor) {
        return changeUpvotes(id, actor, true);
    }

    public Comment removeUpvote(CommentId id, Actor actor) {
        return changeUpvotes(id, actor, false);
    }

    private Comment changeUpvotes(CommentId id, Actor actor, boolean add) {
        actor.requireSignedIn("upvote");
        return change(id, null, actor, comment -> {
            if (comment.author().equals(actor.username())) {
                throw new AccessDeniedException("Nobody upvotes their own comment");
            }
            Set<String> upvoters = new HashSet<>(comment.upvoters());
            boolean changed = add ? upvoters.add(actor.username()) : upvoters.remove(actor.username());
            return changed ? comment.withUpvoters(upvoters, now()) : comment;
        });
    }

    private Comment change(CommentId id, Long expectedVersion, Actor actor, UnaryOperator<Comment> how) {
        actor.requireSignedIn("change comments");
        for (int attempt = 1; ; attempt++) {
            Comment current = get(id, actor);
            if (expectedVersion != null && expectedVersion != current.version()) {
                throw new StaleVersionException("comment", expectedVersion, current.version());
            }
            Comment changed = how.apply(current);
            if (changed == current) {
                return current;
            }
            var stored = comments.replace(changed, current.version());
            if (stored.isPresent()) {
                changed(current.issueId());
                return stored.get();
            }
            if (expectedVersion != null || attempt == 5) {
                throw new StaleVersionException("comment", current.version(), current.version() + 1);
            }
        }
    }

    /** A comment changed: the issue's comments, and the counts shown in lists. */
    private void changed(IssueId issueId) {
        invalidator.evict(CacheRegion.COMMENTS, issueId);
        invalidator.newGeneration(CacheRegion.ISSUE_QUERIES);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
