package org.issuetracker.domain.issue;

import java.time.Instant;
import java.util.Objects;

/** An issue as it is stored: immutable; a change makes a new value. */
public record Issue(IssueId id, String title, String description, Instant createdAt) {

    public Issue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
