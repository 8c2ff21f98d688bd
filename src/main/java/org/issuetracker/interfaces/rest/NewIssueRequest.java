package org.issuetracker.interfaces.rest;

import org.issuetracker.domain.issue.NewIssue;

/** The body of {@code POST /api/issues}. The rules it must follow are checked by the service. */
public record NewIssueRequest(String title, String description) {

    NewIssue toNewIssue() {
        return new NewIssue(title, description);
    }
}
