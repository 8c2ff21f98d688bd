package org.issuetracker.domain.issue;

import java.util.Objects;
import java.util.regex.Pattern;

/** The identity of an issue: 24 lower-case hex digits (a MongoDB ObjectId in its text form). */
public record IssueId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{24}");

    public IssueId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new MalformedIssueIdException(value);
        }
    }

    /** Reads an id typed by a user or sent by a client; upper-case hex is accepted. */
    public static IssueId parse(String text) {
        if (text == null) {
            throw new MalformedIssueIdException("");
        }
        return new IssueId(text.trim().toLowerCase(java.util.Locale.ROOT));
    }

    /** The bare value: ids appear in URLs and cache keys as they are. */
    @Override
    public String toString() {
        return value;
    }
}
