package org.issuetracker.application.issue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.issuetracker.application.RequestValidation;
import org.issuetracker.application.caching.CacheKey;
import org.issuetracker.application.caching.CacheRegion;
import org.issuetracker.application.caching.InvalidatesCache;
import org.issuetracker.application.operations.Monitored;
import org.issuetracker.application.reference.ReferenceData;
import org.issuetracker.domain.history.HistoryEntry;
import org.issuetracker.domain.issue.Approval;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.issue.IssueEdit;
import org.issuetracker.domain.issue.IssueId;
import org.issuetracker.domain.issue.IssueNotFoundException;
import org.issuetracker.domain.issue.IssueQuery;
import org.issuetracker.domain.issue.IssueRepository;
import org.issuetracker.domain.issue.IssueSort;
import org.issuetracker.domain.issue.Labels;
import org.issuetracker.domain.issue.NewIssue;
import org.issuetracker.domain.reference.ReferenceItem;
import org.issuetracker.domain.reference.ReferenceKind;
import org.issuetracker.domain.shared.AccessDeniedException;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.shared.AuthenticationRequiredException;
import org.issuetracker.domain.shared.ConflictException;
import org.issuetracker.domain.shared.InvalidReferenceException;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;
import org.issuetracker.domain.shared.StaleVersionException;
import org.issuetracker.domain.user.UserRepository;

/**
 * The rules of issues. Anyone signed in files issues and votes (never on their own); the author or an admin edits
 * and archives; only admins approve or reject, change the status and restore. An author's change to the text of an
 * approved issue sends it back to the approval queue ({@link EditModeration}). Readers see approved issues that are
 * not archived, and all of their own; anonymous readers only if {@code security.anonymous-read} allows. An issue
 * a reader may not see is "not found", as if it did not exist.
 *
 * <p>Every write reads the current version, applies the change and stores it only if nobody changed it meanwhile
 * (retrying a few times when the client did not name a version), then records the history and invalidates the
 * issue, the lists and the reports.
 */
@Monitored
@ApplicationScoped
public class IssueService {

    private static final int ATTEMPTS = 5;

    @Inject
    RequestValidation validation;

    @Inject
    IssueRepository issues;

    @Inject
    IssueLookup lookup;

    @Inject
    IssueHistory history;

    @Inject
    ReferenceData reference;

    @Inject
    UserRepository users;

    @Inject
    @ConfigProperty(name = "security.anonymous-read")
    boolean anonymousRead;

    public Page<Issue> search(IssueQuery query, Actor actor) {
        requireReader(actor);
        validation.check(query, "a search");
        IssueQuery.Visibility visibility = actor.isAdmin()
                ? IssueQuery.Visibility.ALL
                : actor.isSignedIn()
                        ? IssueQuery.Visibility.publicAndOwnOf(actor.username())
                        : IssueQuery.Visibility.PUBLIC;
        IssueQuery visible = query.withVisibility(visibility);
        return visible.sort() == IssueSort.VOTES
                ? lookup.searchByVotes(visible)
                : lookup.current(lookup.search(visible));
    }

    public Issue get(IssueId id, Actor actor) {
        requireReader(actor);
        Issue issue = lookup.find(id);
        if (!canSee(issue, actor)) {
            throw new IssueNotFoundException(id);
        }
        return issue;
    }

    /** Entries of an issue's history per page unless asked otherwise: an issue with thousands stays cheap to show. */
    public static final int HISTORY_PAGE_SIZE = 50;

    /**
     * One page of the issue's history, oldest first (an issue of 10 000 comments has at least as many entries):
     * everything to the author and admins; to others only what happened while the issue was public, which is
     * worked out from the whole history ({@link PublicHistory}), then paged.
     */
    public Page<HistoryEntry> history(IssueId id, PageRequest page, Actor actor) {
        Issue issue = get(id, actor);
        if (actor.isAdmin() || actor.is(issue.author())) {
            return history.of(id, page);
        }
        List<HistoryEntry> visible = PublicHistory.of(history.all(id));
        int from = (int) Math.min((long) page.page() * page.size(), visible.size());
        int to = Math.min(from + page.size(), visible.size());
        return Page.of(visible.subList(from, to), page, visible.size());
    }

    public List<String> labelSuggestions(String prefix, Actor actor) {
        requireReader(actor);
        String normalized = prefix == null ? "" : prefix.strip().toLowerCase(java.util.Locale.ROOT);
        if (!normalized.isEmpty() && !normalized.matches(Labels.PATTERN)) {
            // no label starts with a character labels cannot hold (a NUL could not even be sent as a regex)
            return List.of();
        }
        return lookup.labelsStartingWith(normalized, 10);
    }

    @InvalidatesCache({CacheRegion.ISSUE_QUERIES, CacheRegion.REPORTS})
    public Issue file(NewIssue issue, Actor actor) {
        actor.requireSignedIn("file an issue");
        validation.check(issue, "the issue to file");
        requireUsable(ReferenceKind.CATEGORY, issue.categoryId(), "categoryId");
        Instant now = now();
        Issue filed = issues.add(new Issue(
                issues.nextId(),
                issue.title(),
                issue.description(),
                issue.categoryId(),
                reference.initialStatusId(),
                actor.username(),
                null,
                issue.labels(),
                Set.of(),
                Approval.PENDING,
                null,
                null,
                null,
                null,
                now,
                now,
                0));
        history.created(filed);
        return filed;
    }

    @InvalidatesCache({CacheRegion.ISSUES, CacheRegion.ISSUE_QUERIES, CacheRegion.REPORTS})
    public Issue edit(@CacheKey IssueId id, IssueEdit edit, Long expectedVersion, Actor actor) {
        return change(id, expectedVersion, actor, current -> {
            actor.requireSelfOrAdmin(current.author(), "edit this issue");
            validation.check(edit, "the edited issue");
            requireNotArchived(current);
            if (!edit.categoryId().equals(current.categoryId())) {
                requireUsable(ReferenceKind.CATEGORY, edit.categoryId(), "categoryId");
            }
            if (edit.assignee() != null && !edit.assignee().equals(current.assignee())) {
                users.find(edit.assignee())
                        .filter(u -> u.active())
                        .orElseThrow(() -> new InvalidReferenceException(
                                "assignee", "There is no active user '" + edit.assignee() + "'"));
            }
            Issue edited = current.withContent(edit, now());
            return EditModeration.needsReapproval(current, edit, actor) ? edited.returnedForReapproval() : edited;
        });
    }

    @InvalidatesCache({CacheRegion.ISSUES, CacheRegion.ISSUE_QUERIES, CacheRegion.REPORTS})
    public Issue archive(@CacheKey IssueId id, Actor actor) {
        return change(id, null, actor, current -> {
            actor.requireSelfOrAdmin(current.author(), "archive this issue");
            return current.isArchived()
                    ? current
                    : current.withArchival(new Issue.Archival(actor.username(), now()), now());
        });
    }

    @InvalidatesCache({CacheRegion.ISSUES, CacheRegion.ISSUE_QUERIES, CacheRegion.REPORTS})
    public Issue restore(@CacheKey IssueId id, Actor actor) {
        actor.requireAdmin("restore issues");
        return change(id, null, actor, current -> current.isArchived() ? current.withArchival(null, now()) : current);
    }

    @InvalidatesCache({CacheRegion.ISSUES, CacheRegion.ISSUE_QUERIES, CacheRegion.REPORTS})
    public Issue changeStatus(@CacheKey IssueId id, String statusId, Long expectedVersion, Actor actor) {
        actor.requireAdmin("change the status of issues");
        ReferenceItem status = requireUsable(ReferenceKind.STATUS, statusId, "statusId");
        return change(
                id,
                expectedVersion,
                actor,
                current -> current.statusId().equals(status.id())
                        ? current
                        : current.withStatus(status.id(), status.closed(), now()));
    }

    @InvalidatesCache({CacheRegion.ISSUES, CacheRegion.ISSUE_QUERIES, CacheRegion.REPORTS})
    public Issue decide(@CacheKey IssueId id, Approval decision, Actor actor) {
        actor.requireAdmin("approve or reject issues");
        if (decision == null || decision == Approval.PENDING) {
            throw new InvalidReferenceException("decision", "The decision is APPROVED or REJECTED");
        }
        return change(
                id,
                null,
                actor,
                current -> current.approval() == decision
                        ? current
                        : current.withApproval(decision, actor.username(), now()));
    }

    /** Adds the caller's vote (once; voting again changes nothing). Nobody votes on their own issue. */
    // a vote changes the order of lists sorted by votes only; the reports count no votes
    @InvalidatesCache(
            value = {CacheRegion.ISSUES, CacheRegion.ISSUE_QUERIES},
            aspect = IssueLookup.VOTES)
    public Issue vote(@CacheKey IssueId id, Actor actor) {
        return changeVotes(id, actor, true);
    }

    @InvalidatesCache(
            value = {CacheRegion.ISSUES, CacheRegion.ISSUE_QUERIES},
            aspect = IssueLookup.VOTES)
    public Issue unvote(@CacheKey IssueId id, Actor actor) {
        return changeVotes(id, actor, false);
    }

    /**
     * Records the answer picked among the issue's comments, or none ({@code null}); the caller has checked who may
     * pick it.
     */
    @InvalidatesCache({CacheRegion.ISSUES, CacheRegion.ISSUE_QUERIES})
    public Issue markAnswer(@CacheKey IssueId id, String commentId, Actor actor) {
        return change(
                id,
                null,
                actor,
                current -> java.util.Objects.equals(commentId, current.answerCommentId())
                        ? current
                        : current.withAnswer(commentId, now()));
    }

    private Issue changeVotes(IssueId id, Actor actor, boolean add) {
        actor.requireSignedIn("vote");
        return change(id, null, actor, current -> {
            if (current.author().equals(actor.username())) {
                throw new AccessDeniedException("Nobody votes on their own issue");
            }
            requireNotArchived(current);
            Set<String> voters = new HashSet<>(current.voters());
            boolean changed = add ? voters.add(actor.username()) : voters.remove(actor.username());
            return changed ? current.withVoters(voters) : current;
        });
    }

    /**
     * Applies a change to the current version and stores it if nobody changed the issue meanwhile. With an
     * expected version from the client, a difference is a {@link StaleVersionException}; without, it retries.
     */
    Issue change(IssueId id, Long expectedVersion, Actor actor, UnaryOperator<Issue> how) {
        actor.requireSignedIn("change issues");
        for (int attempt = 1; ; attempt++) {
            Issue current = issues.find(id)
                    .filter(issue -> canSee(issue, actor))
                    .orElseThrow(() -> new IssueNotFoundException(id));
            if (expectedVersion != null && expectedVersion != current.version()) {
                throw new StaleVersionException("issue", expectedVersion, current.version());
            }
            Issue changed = how.apply(current);
            if (changed == current) {
                return current;
            }
            var stored = issues.replace(changed, current.version());
            if (stored.isPresent()) {
                history.changed(current, stored.get(), actor.username());
                return stored.get();
            }
            if (expectedVersion != null || attempt == ATTEMPTS) {
                throw new StaleVersionException("issue", current.version(), current.version() + 1);
            }
        }
    }

    /** Whether the reader may see the issue at all. */
    boolean canSee(Issue issue, Actor actor) {
        return issue.isPublic() || actor.isAdmin() || actor.is(issue.author());
    }

    private void requireReader(Actor actor) {
        if (!anonymousRead && !actor.isSignedIn()) {
            throw new AuthenticationRequiredException("Sign in to read issues");
        }
    }

    private static void requireNotArchived(Issue issue) {
        if (issue.isArchived()) {
            throw new ConflictException("The issue is archived: an administrator must restore it first");
        }
    }

    private ReferenceItem requireUsable(ReferenceKind kind, String id, String field) {
        return reference
                .find(kind, id)
                .filter(item -> !item.archived())
                .orElseThrow(() ->
                        new InvalidReferenceException(field, "There is no " + kind.label() + " '" + id + "' to use"));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
