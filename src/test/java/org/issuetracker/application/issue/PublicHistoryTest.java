package org.issuetracker.application.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.issuetracker.domain.history.HistoryEntry;
import org.issuetracker.domain.issue.IssueId;
import org.junit.jupiter.api.Test;

class PublicHistoryTest {

    private static final IssueId ISSUE = new IssueId("1a2b3c4d5e6f708192a3b4c5");
    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @Test
    void textWrittenBeforeTheFirstApprovalIsNotShownButTheFilingAndTheApprovalAre() {
        List<HistoryEntry> all = List.of(
                entry(0, "alice", "issue", null, "filed"),
                entry(1, "alice", "title", "Draft", "Buy pills here"),
                entry(2, "admin", "title", "Buy pills here", "Printer jams"),
                entry(3, "admin", "approval", "PENDING", "APPROVED"),
                entry(4, "admin", "status", "Open", "In progress"));

        assertThat(PublicHistory.of(all))
                .extracting(HistoryEntry::field)
                .containsExactly("issue", "approval", "status");
    }

    @Test
    void anAuthorsEditThatSentTheIssueBackIsNotShownEvenAfterItIsApprovedAgain() {
        List<HistoryEntry> all = List.of(
                entry(0, "alice", "issue", null, "filed"),
                entry(1, "admin", "approval", "PENDING", "APPROVED"),
                entry(2, "admin", "description", "Jams", "Jams on tray 2"),
                // one change, recorded field by field: the text and the return to the queue
                entry(3, "alice", "description", "Jams on tray 2", "Visit spam.example"),
                entry(3, "alice", "approval", "APPROVED", "PENDING"),
                entry(4, "alice", "description", "Visit spam.example", "Jams on tray 2 and 3"),
                entry(5, "admin", "approval", "PENDING", "APPROVED"),
                entry(6, "bob", "comment", null, "added 65a1"));

        List<HistoryEntry> shown = PublicHistory.of(all);

        assertThat(shown)
                .extracting(HistoryEntry::field, HistoryEntry::newValue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("issue", "filed"),
                        org.assertj.core.groups.Tuple.tuple("approval", "APPROVED"),
                        org.assertj.core.groups.Tuple.tuple("description", "Jams on tray 2"),
                        org.assertj.core.groups.Tuple.tuple("approval", "PENDING"),
                        org.assertj.core.groups.Tuple.tuple("approval", "APPROVED"),
                        org.assertj.core.groups.Tuple.tuple("comment", "added 65a1"));
        assertThat(shown)
                .flatExtracting(HistoryEntry::oldValue, HistoryEntry::newValue)
                .doesNotContain("Visit spam.example");
    }

    @Test
    void whatHappenedWhileTheIssueWasRejectedStaysHidden() {
        List<HistoryEntry> all = List.of(
                entry(0, "alice", "issue", null, "filed"),
                entry(1, "admin", "approval", "PENDING", "REJECTED"),
                entry(2, "alice", "title", "Rude", "Still rude"),
                entry(3, "admin", "title", "Still rude", "Fixed"),
                entry(4, "admin", "approval", "REJECTED", "APPROVED"));

        assertThat(PublicHistory.of(all))
                .extracting(HistoryEntry::field)
                .containsExactly("issue", "approval", "approval");
    }

    private static HistoryEntry entry(int minute, String by, String field, String oldValue, String newValue) {
        return new HistoryEntry(ISSUE, T0.plusSeconds(60L * minute), by, field, oldValue, newValue);
    }
}
