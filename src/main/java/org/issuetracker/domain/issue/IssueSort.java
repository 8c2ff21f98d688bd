package org.issuetracker.domain.issue;

import java.util.Optional;

/** The orders a list of issues can be read in. */
public enum IssueSort {
    NEWEST,
    OLDEST,
    VOTES,
    UPDATED;

    /** The sort named by a client ({@code newest}, {@code votes}...), if it is one. */
    public static Optional<IssueSort> named(String name) {
        for (IssueSort sort : values()) {
            if (sort.name().equalsIgnoreCase(name.trim())) {
                return Optional.of(sort);
            }
        }
        return Optional.empty();
    }
}
