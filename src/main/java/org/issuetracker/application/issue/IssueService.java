package org.issuetracker.application.issue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.issuetracker.application.caching.CacheRegion;
import org.issuetracker.application.caching.CachedIn;
import org.issuetracker.application.caching.InvalidatesCache;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.issue.IssueId;
import org.issuetracker.domain.issue.IssueNotFoundException;
import org.issuetracker.domain.issue.IssueRepository;
import org.issuetracker.domain.issue.NewIssue;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;

/** Files and reads issues. Reads go through the cache; writes say what they make stale. */
@ApplicationScoped
public class IssueService {

    @Inject
    IssueRepository issues;

    /** Files a new issue; it appears at the top of every newest-first list at once. */
    @InvalidatesCache(CacheRegion.ISSUE_QUERIES)
    public Issue file(@NotNull(message = "{issue.required}") @Valid NewIssue issue) {
        // Millisecond precision: what MongoDB keeps, so a cached copy equals a stored one.
        return issues.add(issue, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    @CachedIn(CacheRegion.ISSUES)
    public Issue get(IssueId id) {
        return issues.find(id).orElseThrow(() -> new IssueNotFoundException(id));
    }

    @CachedIn(CacheRegion.ISSUE_QUERIES)
    public Page<Issue> newestFirst(PageRequest request) {
        return issues.newestFirst(request);
    }
}
