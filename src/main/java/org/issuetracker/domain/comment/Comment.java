package org.issuetracker.domain.comment;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.issuetracker.domain.issue.IssueId;

/**
 * A comment on an issue. Whether it is the issue's answer is kept on the issue (so that there is at most one);
 * {@code upvoters} are the users who found it useful.
 */
public record Comment(
        CommentId id,
        IssueId issueId,
        String body,
        String author,
        Set<String> upvoters,
        boolean archived,
        Instant createdAt,
        Instant modifiedAt,
        long version) {

    public Comment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(author, "author");
        upvoters = upvoters == null ? Set.of() : Set.copyOf(upvoters);
    }

    public int upvoteCount() {
        return upvoters.size();
    }

    public Comment withBody(String newBody, Instant now) {
        return new Comment(id, issueId, newBody, author, upvoters, archived, createdAt, now, version);
    }

    public Comment withUpvoters(Set<String> newUpvoters, Instant now) {
        return new Comment(id, issueId, body, author, newUpvoters, archived, createdAt, now, version);
    }

    public Comment archived(Instant now) {
        return new Comment(id, issueId, body, author, upvoters, true, createdAt, now, version);
    }
}
