package org.issuetracker.application.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.issuetracker.domain.issue.Approval;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.issue.IssueEdit;
import org.issuetracker.domain.issue.IssueId;
import org.issuetracker.domain.shared.Actor;
import org.junit.jupiter.api.Test;

class EditModerationTest {

    private static final Instant FILED = Instant.parse("2026-11-02T09:00:00Z");
    private static final Actor AUTHOR = new Actor("alice", Set.of(Actor.ROLE_USER));
    private static final Actor ADMIN = new Actor("admin", Set.of(Actor.ROLE_USER, Actor.ROLE_ADMIN));

    @Test
    void anAuthorsChangeToTheTextOfAnApprovedIssueNeedsApprovalAgain() {
        Issue approved = issue(Approval.APPROVED);

        assertThat(EditModeration.needsReapproval(approved, edit("Buy our pills", "Printer jams", "printer"), AUTHOR))
                .isTrue();
        assertThat(EditModeration.needsReapproval(
                        approved, edit("Printer jams", "Visit spam.example", "printer"), AUTHOR))
                .isTrue();
        assertThat(EditModeration.needsReapproval(approved, edit("Printer jams", "Printer jams", "casino"), AUTHOR))
                .isTrue();
    }

    @Test
    void categoryAndAssigneeChangeWithoutAReviewAndSoDoesAnUnchangedText() {
        Issue approved = issue(Approval.APPROVED);
        IssueEdit recategorised = new IssueEdit("Printer jams", "Printer jams", "hardware", List.of("printer"), "bob");

        assertThat(EditModeration.needsReapproval(approved, recategorised, AUTHOR))
                .isFalse();
        assertThat(EditModeration.needsReapproval(approved, edit(" Printer jams ", "Printer jams", "PRINTER"), AUTHOR))
                .as("the same text after normalisation")
                .isFalse();
    }

    @Test
    void adminsEditsAndEditsOfIssuesThatAreNotPublicStayAsTheyAre() {
        IssueEdit rewritten = edit("Something else", "Entirely different", "other");

        assertThat(EditModeration.needsReapproval(issue(Approval.APPROVED), rewritten, ADMIN))
                .isFalse();
        assertThat(EditModeration.needsReapproval(issue(Approval.PENDING), rewritten, AUTHOR))
                .isFalse();
        assertThat(EditModeration.needsReapproval(issue(Approval.REJECTED), rewritten, AUTHOR))
                .isFalse();
    }

    @Test
    void anIssueReturnedForReapprovalIsPendingAndNoLongerPublicButRemembersItsApproval() {
        Issue approved = issue(Approval.APPROVED);

        Issue returned = approved.returnedForReapproval();

        assertThat(returned.approval()).isEqualTo(Approval.PENDING);
        assertThat(returned.isPublic()).isFalse();
        assertThat(returned.isAwaitingReapproval()).isTrue();
        assertThat(returned.decision()).isEqualTo(approved.decision());
        assertThat(issue(Approval.PENDING).isAwaitingReapproval())
                .as("a new issue")
                .isFalse();
    }

    private static IssueEdit edit(String title, String description, String label) {
        return new IssueEdit(title, description, "bug", List.of(label), null);
    }

    private static Issue issue(Approval approval) {
        return new Issue(
                new IssueId("1a2b3c4d5e6f708192a3b4c5"),
                "Printer jams",
                "Printer jams",
                "bug",
                "open",
                AUTHOR.username(),
                null,
                List.of("printer"),
                Set.of("bob"),
                approval,
                approval == Approval.PENDING ? null : new Issue.Decision("admin", FILED.plusSeconds(60)),
                null,
                null,
                null,
                FILED,
                FILED,
                3);
    }
}
