package org.issuetracker.application.issue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.issuetracker.application.caching.BatchReads;
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

    /** What a vote changes: the order of lists sorted by votes, and the issue itself. */
    public static final String VOTES = "votes";

    @Inject
    IssueRepository issues;

    @Inject
    BatchReads batch;

    @CachedIn(CacheRegion.ISSUES)
    public Issue find(IssueId id) {
        return issues.find(id).orElseThrow(() -> new IssueNotFoundException(id));
    }

    /**
     * A page of a search whose order no vote can change: a vote leaves it in the cache. Its rows may then show old
     * vote counts, so they are read again through the {@code issues} region ({@link #current}).
     */
    @CachedIn(CacheRegion.ISSUE_QUERIES)
    public Page<Issue> search(IssueQuery query) {
        return issues.search(query);
    }

    /** A page of a search sorted by votes: every vote invalidates it. */
    @CachedIn(value = CacheRegion.ISSUE_QUERIES, aspect = VOTES)
    public Page<Issue> searchByVotes(IssueQuery query) {
        return issues.search(query);
    }

    /** The same rows as they are now, read through the {@code issues} region in one round trip. */
    public Page<Issue> current(Page<Issue> page) {
        if (page.items().isEmpty()) {
            return page;
        }
        Map<IssueId, Issue> listed = new HashMap<>();
        page.items().forEach(issue -> listed.put(issue.id(), issue));
        List<Issue> rows = batch.readAll(
                CacheRegion.ISSUES,
                page.items().stream().map(issue -> issue.id().value()).toList(),
                Issue.class,
                missing -> {
                    Map<String, Issue> found = new HashMap<>();
                    issues.findAll(missing.stream().map(IssueId::new).toList())
                            .forEach((id, issue) -> found.put(id.value(), issue));
                    return found;
                });
        return new Page<>(rows, page.page(), page.size(), page.total());
    }

    @CachedIn(CacheRegion.ISSUE_QUERIES)
    public List<String> labelsStartingWith(String prefix, int limit) {
        return issues.labelsStartingWith(prefix, limit);
    }
}
