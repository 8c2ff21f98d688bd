package org.issuetracker.application.issue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.stream.Collectors;
import org.issuetracker.application.comment.CommentLookup;
import org.issuetracker.application.reference.ReferenceData;
import org.issuetracker.application.user.Person;
import org.issuetracker.application.user.PersonLookup;
import org.issuetracker.domain.comment.CommentRepository;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.issue.IssueId;
import org.issuetracker.domain.reference.ReferenceItem;
import org.issuetracker.domain.reference.ReferenceKind;
import org.issuetracker.domain.shared.Page;

/** Resolves the names an issue refers to (from cached reference data and profiles) at the time it is shown. */
@ApplicationScoped
public class IssueViews {

    @Inject
    ReferenceData reference;

    @Inject
    PersonLookup people;

    @Inject
    CommentRepository comments;

    @Inject
    CommentLookup commentLookup;

    /** One issue: its comment count from the cached comments of the issue, so that a cached read stays cached. */
    public IssueView of(Issue issue) {
        return of(issue, commentLookup.firstPage(issue.id()).total());
    }

    public Page<IssueView> of(Page<Issue> issues) {
        Map<IssueId, Long> counts =
                comments.countByIssue(issues.items().stream().map(Issue::id).collect(Collectors.toSet()));
        return issues.map(issue -> of(issue, counts.getOrDefault(issue.id(), 0L)));
    }

    private IssueView of(Issue issue, long commentCount) {
        return new IssueView(
                issue,
                item(ReferenceKind.CATEGORY, issue.categoryId()),
                item(ReferenceKind.STATUS, issue.statusId()),
                people.find(issue.author()),
                issue.assignee() == null ? null : people.find(issue.assignee()),
                commentCount);
    }

    /** A reference that no longer resolves (it cannot be deleted, only archived) is shown by its id. */
    private ReferenceItem item(ReferenceKind kind, String id) {
        return reference
                .find(kind, id)
                .orElseGet(() -> new ReferenceItem(id, kind, id, "", false, true, null, null, 0));
    }

    public Person person(String username) {
        return people.find(username);
    }
}
