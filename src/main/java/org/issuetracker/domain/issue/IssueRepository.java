package org.issuetracker.domain.issue;

import java.util.List;
import java.util.Optional;
import org.issuetracker.domain.shared.Page;

/** Where issues are kept. Implemented in {@code infrastructure.mongo}. */
public interface IssueRepository {

    /** A fresh id for an issue about to be added. */
    IssueId nextId();

    /** Stores a new issue (version 1). */
    Issue add(Issue issue);

    Optional<Issue> find(IssueId id);

    /** The issues of these ids that exist, by id (one query however many). */
    java.util.Map<IssueId, Issue> findAll(java.util.Collection<IssueId> ids);

    /**
     * Replaces the stored issue if it is still at {@code expectedVersion}; the stored value has the next version.
     * Empty if the issue changed (or vanished) in between.
     */
    Optional<Issue> replace(Issue changed, long expectedVersion);

    /** One page of the issues matching the query, in its order. */
    Page<Issue> search(IssueQuery query);

    /** Labels in use on public issues (approved, not archived) that start with the prefix, most used first. */
    List<String> labelsStartingWith(String prefix, int limit);
}
