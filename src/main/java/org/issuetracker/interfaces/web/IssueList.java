package org.issuetracker.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.issuetracker.application.issue.IssueService;
import org.issuetracker.application.issue.IssueView;
import org.issuetracker.application.issue.IssueViews;
import org.issuetracker.domain.issue.IssueQuery;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;

/** The home page's list of issues the viewer may see, newest first; the page number is in the URL. */
@Named
@RequestScoped
public class IssueList {

    @Inject
    IssueService issues;

    @Inject
    IssueViews views;

    @Inject
    Actor actor;

    private int page;
    private Page<IssueView> result;

    public int getPage() {
        return page;
    }

    /** A page number from the URL; nonsense (negative) falls back to the first page. */
    public void setPage(int page) {
        this.page = Math.max(0, page);
    }

    public Page<IssueView> getResult() {
        if (result == null) {
            result = views.of(
                    issues.search(IssueQuery.all(new PageRequest(page, PageRequest.DEFAULT_SIZE), null), actor));
        }
        return result;
    }

    public boolean isSignedIn() {
        return actor.isSignedIn();
    }

    public String getUsername() {
        return actor.username();
    }
}
