package org.issuetracker.domain.issue;

import java.util.Optional;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;

/** Where issues are kept. Implemented in {@code infrastructure.mongo}. */
public interface IssueRepository {

    /** Stores a new issue and returns it with its id. */
    Issue add(NewIssue issue, java.time.Instant createdAt);

    Optional<Issue> find(IssueId id);

    /** One page of all issues, the newest first. */
    Page<Issue> newestFirst(PageRequest request);
}
