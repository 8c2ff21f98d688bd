package org.issuetracker.domain.comment;

import org.issuetracker.domain.shared.NotFoundException;

/** No comment has that id, or the caller may not see it. */
public class CommentNotFoundException extends NotFoundException {

    public CommentNotFoundException(CommentId id) {
        super("comment", id.value());
    }
}
