package org.issuetracker.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.issuetracker.application.issue.IssueService;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;

/** The home page's list of issues, newest first; the page number is in the URL ({@code ?page=2}). */
@Named
@RequestScoped
public class IssueList {

    @Inject
    IssueService issues;

    private int page;
    private Page<Issue> result;

    public int getPage() {
        return page;
    }

    /** A page number from the URL; nonsense (negative) falls back to the first page. */
    public void setPage(int page) {
        this.page = Math.max(0, page);
    }

    public Page<Issue> getResult() {
        if (result == null) {
            result = issues.newestFirst(new PageRequest(page, PageRequest.DEFAULT_SIZE));
        }
        return result;
    }
}
