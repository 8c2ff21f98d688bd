package org.issuetracker.application.issue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.issuetracker.application.reference.ReferenceData;
import org.issuetracker.domain.history.HistoryEntry;
import org.issuetracker.domain.history.HistoryRepository;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.issue.IssueId;
import org.issuetracker.domain.reference.ReferenceItem;
import org.issuetracker.domain.reference.ReferenceKind;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;

/** Records what changed on an issue, field by field, as people read it (names, not ids). */
@ApplicationScoped
public class IssueHistory {

    @Inject
    HistoryRepository history;

    @Inject
    ReferenceData reference;

    public void created(Issue issue) {
        history.append(
                List.of(new HistoryEntry(issue.id(), issue.createdAt(), issue.author(), "issue", null, "filed")));
    }

    public void commented(IssueId issueId, String commentId, String by, Instant at, String what) {
        history.append(List.of(new HistoryEntry(issueId, at, by, "comment", null, what + " " + commentId)));
    }

    /** One entry per field that differs between the two versions. */
    public void changed(Issue before, Issue after, String by) {
        List<HistoryEntry> entries = new ArrayList<>();
        Instant at = after.modifiedAt();
        compare(entries, before, after, by, at, "title", Issue::title);
        compare(entries, before, after, by, at, "description", Issue::description);
        compare(entries, before, after, by, at, "category", i -> name(ReferenceKind.CATEGORY, i.categoryId()));
        compare(entries, before, after, by, at, "status", i -> name(ReferenceKind.STATUS, i.statusId()));
        compare(entries, before, after, by, at, "assignee", Issue::assignee);
        compare(entries, before, after, by, at, "labels", i -> String.join(", ", i.labels()));
        compare(entries, before, after, by, at, "approval", i -> i.approval().name());
        compare(entries, before, after, by, at, "archived", i -> String.valueOf(i.isArchived()));
        compare(entries, before, after, by, at, "votes", i -> String.valueOf(i.voteCount()));
        compare(entries, before, after, by, at, "answer", Issue::answerCommentId);
        history.append(entries);
    }

    public Page<HistoryEntry> of(IssueId id, PageRequest page) {
        return history.forIssue(id, page);
    }

    /** Every entry, oldest first. */
    public List<HistoryEntry> all(IssueId id) {
        return history.allForIssue(id);
    }

    private static void compare(
            List<HistoryEntry> entries,
            Issue before,
            Issue after,
            String by,
            Instant at,
            String field,
            Function<Issue, String> value) {
        String old = value.apply(before);
        String now = value.apply(after);
        if (!Objects.equals(old, now)) {
            entries.add(new HistoryEntry(after.id(), at, by, field, old, now));
        }
    }

    private String name(ReferenceKind kind, String id) {
        return reference.find(kind, id).map(ReferenceItem::name).orElse(id);
    }
}
