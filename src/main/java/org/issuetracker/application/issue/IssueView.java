package org.issuetracker.application.issue;

import org.issuetracker.application.user.Person;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.reference.ReferenceItem;

/** An issue with what it refers to resolved, as people see it: names, not ids. */
public record IssueView(
        Issue issue, ReferenceItem category, ReferenceItem status, Person author, Person assignee, long commentCount) {}
