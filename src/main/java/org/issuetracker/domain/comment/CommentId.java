package org.issuetracker.domain.comment;

import org.issuetracker.domain.shared.Identifiers;

/** The identity of a comment. */
public record CommentId(String value) {

    public CommentId {
        Identifiers.require("comment", value);
    }

    public static CommentId parse(String text) {
        return new CommentId(Identifiers.parse("comment", text));
    }

    @Override
    public String toString() {
        return value;
    }
}
