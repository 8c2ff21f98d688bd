package org.issuetracker.application.issue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.issuetracker.domain.history.HistoryEntry;
import org.issuetracker.domain.issue.Approval;

/**
 * The part of an issue's history that readers other than its author and the admins see. A change made while the
 * issue was not approved holds text nobody approved (a first draft, what an admin fixed before approving, an
 * author's edit that sent it back to the queue), so only the changes after which the issue was approved are shown,
 * plus the filing and the approval decisions themselves. Read from the entries alone (their approval entries say
 * when the issue was approved), so it also covers history recorded before the rule existed.
 */
final class PublicHistory {

    private PublicHistory() {}

    /** {@code all} oldest first, as {@link IssueHistory#of} returns it. */
    static List<HistoryEntry> of(List<HistoryEntry> all) {
        List<HistoryEntry> shown = new ArrayList<>();
        boolean approved = false; // every issue is filed pending
        int start = 0;
        while (start < all.size()) {
            int end = endOfChange(all, start);
            List<HistoryEntry> change = all.subList(start, end);
            approved = change.stream()
                    .filter(entry -> entry.field().equals("approval"))
                    .reduce((first, second) -> second)
                    .map(entry -> Approval.APPROVED.name().equals(entry.newValue()))
                    .orElse(approved);
            for (HistoryEntry entry : change) {
                if (approved || entry.field().equals("issue") || entry.field().equals("approval")) {
                    shown.add(entry);
                }
            }
            start = end;
        }
        return shown;
    }

    /** One change is recorded as consecutive entries with the same time and author, one per field. */
    private static int endOfChange(List<HistoryEntry> all, int start) {
        HistoryEntry first = all.get(start);
        int end = start + 1;
        while (end < all.size()
                && all.get(end).at().equals(first.at())
                && Objects.equals(all.get(end).by(), first.by())) {
            end++;
        }
        return end;
    }
}
