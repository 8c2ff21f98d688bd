package org.issuetracker.interfaces.rest;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.issuetracker.application.issue.IssueView;
import org.issuetracker.application.user.Person;
import org.issuetracker.domain.comment.Comment;
import org.issuetracker.domain.history.HistoryEntry;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.reference.ReferenceItem;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.user.Role;
import org.issuetracker.domain.user.User;

/** The JSON the API reads and writes: records, mapped by JSON-B. Names are resolved (never bare ids alone). */
public final class Representations {

    private Representations() {}

    /** A user as others see them. */
    public record PersonRef(String username, String displayName) {
        static PersonRef of(Person person) {
            return person == null ? null : new PersonRef(person.username(), person.displayName());
        }
    }

    /** A category or status as an issue shows it. */
    public record ReferenceRef(String id, String name, Boolean closed) {
        static ReferenceRef of(ReferenceItem item, boolean withClosed) {
            return new ReferenceRef(item.id(), item.name(), withClosed ? item.closed() : null);
        }
    }

    public record IssueResponse(
            String id,
            String title,
            String description,
            ReferenceRef category,
            ReferenceRef status,
            PersonRef author,
            PersonRef assignee,
            List<String> labels,
            int votes,
            boolean votedByMe,
            String approval,
            boolean awaitingReapproval,
            boolean archived,
            String archivedBy,
            Instant archivedAt,
            String answerCommentId,
            long commentCount,
            Instant createdAt,
            Instant modifiedAt,
            Instant closedAt,
            long version) {

        static IssueResponse of(IssueView view, Actor actor) {
            Issue issue = view.issue();
            return new IssueResponse(
                    issue.id().value(),
                    issue.title(),
                    issue.description(),
                    ReferenceRef.of(view.category(), false),
                    ReferenceRef.of(view.status(), true),
                    PersonRef.of(view.author()),
                    PersonRef.of(view.assignee()),
                    issue.labels(),
                    issue.voteCount(),
                    actor.isSignedIn() && issue.voters().contains(actor.username()),
                    issue.approval().name(),
                    issue.isAwaitingReapproval(),
                    issue.isArchived(),
                    issue.isArchived() ? issue.archival().by() : null,
                    issue.isArchived() ? issue.archival().at() : null,
                    issue.answerCommentId(),
                    view.commentCount(),
                    issue.createdAt(),
                    issue.modifiedAt(),
                    issue.closedAt(),
                    issue.version());
        }
    }

    public record NewIssueRequest(String title, String description, String categoryId, List<String> labels) {}

    public record IssueRequest(
            String title, String description, String categoryId, List<String> labels, String assignee) {}

    public record StatusRequest(String statusId) {}

    public record ApprovalRequest(String decision) {}

    public record HistoryResponse(Instant at, String by, String field, String oldValue, String newValue) {
        static HistoryResponse of(HistoryEntry entry) {
            return new HistoryResponse(entry.at(), entry.by(), entry.field(), entry.oldValue(), entry.newValue());
        }
    }

    public record CommentRequest(String body) {}

    public record CommentResponse(
            String id,
            String issueId,
            String body,
            PersonRef author,
            int upvotes,
            boolean upvotedByMe,
            boolean answer,
            Instant createdAt,
            Instant modifiedAt,
            long version) {

        static CommentResponse of(Comment comment, Person author, String answerCommentId, Actor actor) {
            return new CommentResponse(
                    comment.id().value(),
                    comment.issueId().value(),
                    comment.body(),
                    PersonRef.of(author),
                    comment.upvoteCount(),
                    actor.isSignedIn() && comment.upvoters().contains(actor.username()),
                    comment.id().value().equals(answerCommentId),
                    comment.createdAt(),
                    comment.modifiedAt(),
                    comment.version());
        }
    }

    public record ReferenceRequest(String name, String description, Boolean closed) {}

    public record ReferenceResponse(
            String id,
            String name,
            String description,
            Boolean closed,
            boolean archived,
            Instant modifiedAt,
            long version) {
        static ReferenceResponse of(ReferenceItem item) {
            return new ReferenceResponse(
                    item.id(),
                    item.name(),
                    item.description(),
                    item.kind() == org.issuetracker.domain.reference.ReferenceKind.STATUS ? item.closed() : null,
                    item.archived(),
                    item.modifiedAt(),
                    item.version());
        }
    }

    public record NewUserRequest(String username, String displayName, String email, String password, Set<Role> roles) {}

    public record UserRequest(String displayName, String email, String password, Set<Role> roles, Boolean active) {}

    public record UserResponse(
            String username,
            String displayName,
            String email,
            Set<Role> roles,
            boolean active,
            Instant createdAt,
            Instant modifiedAt,
            Long version,
            boolean passwordChangeRequired) {
        static UserResponse of(User user) {
            return new UserResponse(
                    user.username(),
                    user.displayName(),
                    user.email(),
                    user.roles(),
                    user.active(),
                    user.createdAt(),
                    user.modifiedAt(),
                    user.version(),
                    user.passwordChangeRequired());
        }

        static UserResponse of(Person person) {
            return new UserResponse(
                    person.username(),
                    person.displayName(),
                    person.email(),
                    person.roles(),
                    person.active(),
                    null,
                    null,
                    null,
                    person.passwordChangeRequired());
        }
    }
}
