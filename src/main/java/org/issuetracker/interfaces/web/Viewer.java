package org.issuetracker.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.issuetracker.application.issue.IssueService;
import org.issuetracker.application.user.PersonLookup;
import org.issuetracker.domain.issue.IssueQuery;
import org.issuetracker.domain.issue.IssueSort;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.shared.PageRequest;

/** Who is looking at the page, for the views: {@code #{viewer.signedIn}}, {@code #{viewer.admin}}... */
@Named
@RequestScoped
public class Viewer {

    @Inject
    Actor actor;

    @Inject
    PersonLookup people;

    @Inject
    IssueService issues;

    private Long pendingApprovals;

    public boolean isSignedIn() {
        return actor.isSignedIn();
    }

    public boolean isAdmin() {
        return actor.isAdmin();
    }

    public String getUsername() {
        return actor.username();
    }

    public String getDisplayName() {
        return actor.isSignedIn() ? people.find(actor.username()).displayName() : null;
    }

    /**
     * Whether the page needs no view state: an anonymous reader's page has no forms (they are rendered for the signed
     * in only), so it keeps nothing on the server and creates no HTTP session. The sign-in page is stateless too: a
     * flood of visits to it costs no sessions (its form is tied to this site by its own token instead).
     */
    public boolean isStateless() {
        return !actor.isSignedIn();
    }

    public boolean is(String username) {
        return actor.is(username);
    }

    /** For admins' navigation: how many issues wait for a decision (a cached count). */
    public long getPendingApprovals() {
        if (pendingApprovals == null) {
            pendingApprovals = actor.isAdmin()
                    ? issues.search(IssueQuery.awaitingApproval(IssueSort.OLDEST, new PageRequest(0, 1)), actor)
                            .total()
                    : 0L;
        }
        return pendingApprovals;
    }
}
