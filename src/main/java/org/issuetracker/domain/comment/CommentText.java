package org.issuetracker.domain.comment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.issuetracker.domain.issue.Texts;

/** What a user writes as a comment (new or edited). */
public record CommentText(
        @NotBlank(message = "{comment.body.required}") @Size(min = 3, max = 5000, message = "{comment.body.size}")
                String body) {

    public CommentText {
        body = Texts.normalize(body);
    }
}
