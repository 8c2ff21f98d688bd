package org.issuetracker.application.issue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.issuetracker.application.caching.CacheRegion;
import org.issuetracker.application.caching.CachedIn;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.issue.IssueId;
import org.issuetracker.domain.issue.IssueNotFoundException;
import org.issuetracker.domain.issue.IssueQuery;
import org.issuetracker.domain.issue.IssueRepository;
import org.issuetracker.domain.shared.Page;

/**
 * Issues read through the cache: single issues in {@code issues}, searches and label suggestions in
 * {@code issue-queries}. Who may see what is decided by {@link IssueService}, not here: a search's visibility is
 * part of its query, so readers with different rights never share an entry.
 */
@ApplicationScoped
public class IssueLookup {

    @Inject
    IssueRepository issues;

    @CachedIn(CacheRegion.ISSUES)
    public Issue find(IssueId id) {
        return issues.find(id).orElseThrow(() -> new IssueNotFoundException(id));
    }

    @CachedIn(CacheRegion.ISSUE_QUERIES)
    public Page<Issue> search(IssueQuery query) {
        return issues.search(query);
    }

    @CachedIn(CacheRegion.ISSUE_QUERIES)
    public List<String> labelsStartingWith(String prefix, int limit) {
        return issues.labelsStartingWith(prefix, limit);
    }
}
