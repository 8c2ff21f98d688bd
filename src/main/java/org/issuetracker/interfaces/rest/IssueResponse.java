package org.issuetracker.interfaces.rest;

import java.time.Instant;
import org.issuetracker.domain.issue.Issue;

/** An issue as the API shows it. */
public record IssueResponse(String id, String title, String description, Instant createdAt) {

    static IssueResponse of(Issue issue) {
        return new IssueResponse(issue.id().value(), issue.title(), issue.description(), issue.createdAt());
    }
}
