package org.issuetracker.domain.issue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An issue as it is stored: immutable, a change makes a new value. Category, status and users are referenced by
 * id and username, so that a rename shows everywhere at once. {@code version} counts the changes (optimistic
 * concurrency, ETags).
 */
public record Issue(
        IssueId id,
        String title,
        String description,
        String categoryId,
        String statusId,
        String author,
        String assignee,
        List<String> labels,
        Set<String> voters,
        Approval approval,
        Decision decision,
        Archival archival,
        String answerCommentId,
        Instant closedAt,
        Instant createdAt,
        Instant modifiedAt,
        long version) {

    /** Who approved or rejected the issue, and when. */
    public record Decision(String by, Instant at) {}

    /** Who archived the issue, and when. */
    public record Archival(String by, Instant at) {}

    public Issue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(categoryId, "categoryId");
        Objects.requireNonNull(statusId, "statusId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(approval, "approval");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        labels = labels == null ? List.of() : List.copyOf(labels);
        voters = voters == null ? Set.of() : Set.copyOf(voters);
    }

    public int voteCount() {
        return voters.size();
    }

    public boolean isArchived() {
        return archival != null;
    }

    /** Seen by everyone who may read issues: approved and not archived. */
    public boolean isPublic() {
        return approval == Approval.APPROVED && !isArchived();
    }

    /**
     * Waiting for an admin again after an author changed the text of an approved issue: pending, with the earlier
     * approval kept as {@code decision} (so the queue can tell a re-review from a new issue).
     */
    public boolean isAwaitingReapproval() {
        return approval == Approval.PENDING && decision != null;
    }

    /** Back in the approval queue (see {@link #isAwaitingReapproval()}). */
    public Issue returnedForReapproval() {
        return new Issue(
                id,
                title,
                description,
                categoryId,
                statusId,
                author,
                assignee,
                labels,
                voters,
                Approval.PENDING,
                decision,
                archival,
                answerCommentId,
                closedAt,
                createdAt,
                modifiedAt,
                version);
    }

    public Issue withContent(IssueEdit edit, Instant now) {
        return new Issue(
                id,
                edit.title(),
                edit.description(),
                edit.categoryId(),
                statusId,
                author,
                edit.assignee(),
                edit.labels(),
                voters,
                approval,
                decision,
                archival,
                answerCommentId,
                closedAt,
                createdAt,
                now,
                version);
    }

    public Issue withStatus(String newStatusId, boolean closed, Instant now) {
        Instant closedSince = closed ? (closedAt == null ? now : closedAt) : null;
        return new Issue(
                id,
                title,
                description,
                categoryId,
                newStatusId,
                author,
                assignee,
                labels,
                voters,
                approval,
                decision,
                archival,
                answerCommentId,
                closedSince,
                createdAt,
                now,
                version);
    }

    public Issue withApproval(Approval newApproval, String by, Instant now) {
        return new Issue(
                id,
                title,
                description,
                categoryId,
                statusId,
                author,
                assignee,
                labels,
                voters,
                newApproval,
                new Decision(by, now),
                archival,
                answerCommentId,
                closedAt,
                createdAt,
                now,
                version);
    }

    public Issue withArchival(Archival newArchival, Instant now) {
        return new Issue(
                id,
                title,
                description,
                categoryId,
                statusId,
                author,
                assignee,
                labels,
                voters,
                approval,
                decision,
                newArchival,
                answerCommentId,
                closedAt,
                createdAt,
                now,
                version);
    }

    /**
     * The issue with these voters. Votes are readers' opinions, not changes to the issue: its modification time
     * stays (what {@code sort=updated} orders by), so a vote moves the issue only in lists sorted by votes.
     */
    public Issue withVoters(Set<String> newVoters) {
        return new Issue(
                id,
                title,
                description,
                categoryId,
                statusId,
                author,
                assignee,
                labels,
                newVoters,
                approval,
                decision,
                archival,
                answerCommentId,
                closedAt,
                createdAt,
                modifiedAt,
                version);
    }

    public Issue withAnswer(String commentId, Instant now) {
        return new Issue(
                id,
                title,
                description,
                categoryId,
                statusId,
                author,
                assignee,
                labels,
                voters,
                approval,
                decision,
                archival,
                commentId,
                closedAt,
                createdAt,
                now,
                version);
    }
}
