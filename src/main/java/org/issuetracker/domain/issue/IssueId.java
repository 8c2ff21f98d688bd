package org.issuetracker.domain.issue;

import org.issuetracker.domain.shared.Identifiers;

/** The identity of an issue. */
public record IssueId(String value) {

    public IssueId {
        Identifiers.require("issue", value);
    }

    /** Reads an id typed by a user or sent by a client. */
    public static IssueId parse(String text) {
        return new IssueId(Identifiers.parse("issue", text));
    }

    /** The bare value: ids appear in URLs and cache keys as they are. */
    @Override
    public String toString() {
        return value;
    }
}
