package org.issuetracker.domain.issue;

import org.issuetracker.domain.shared.NotFoundException;

/** A text that cannot be an issue id: no issue can have it, so it is a "not found" of its own kind. */
public class MalformedIssueIdException extends NotFoundException {

    public MalformedIssueIdException(String text) {
        super("issue", text, "'" + abbreviate(text) + "' is not an issue id (ids are 24 hexadecimal digits)");
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
