package org.issuetracker.application.issue;

import org.issuetracker.domain.issue.Approval;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.issue.IssueEdit;
import org.issuetracker.domain.shared.Actor;

/**
 * When an edit sends an approved issue back to the approval queue. An admin approves a text, not an author: without
 * this, an author could have something harmless approved and then turn it into anything while it stays public. So a
 * change to what others read (title, description, labels) by anyone but an admin makes the issue pending again,
 * hidden from others until an admin approves the new text; votes, comments and status are kept. Category and
 * assignee come from lists that admins keep and carry none of the author's words: they change without a review.
 * Admins' own edits are trusted. Pending and rejected issues are not public, so their edits change nothing here.
 *
 * <p>The alternative, keeping the approved text public while the edit waits as a second copy, would keep the issue
 * listed but doubles what is stored, searched and cached for every issue; returning it to the queue needs no second
 * copy and the queue already exists.
 */
public final class EditModeration {

    private EditModeration() {}

    static boolean needsReapproval(Issue current, IssueEdit edit, Actor actor) {
        return textChangesNeedReapproval(current, actor) && changesText(current, edit);
    }

    /** Whether the actor's change to the issue's text would need a new approval (the edit form says so first). */
    public static boolean textChangesNeedReapproval(Issue current, Actor actor) {
        return current.approval() == Approval.APPROVED && !actor.isAdmin();
    }

    private static boolean changesText(Issue current, IssueEdit edit) {
        return !current.title().equals(edit.title())
                || !current.description().equals(edit.description())
                || !current.labels().equals(edit.labels());
    }
}
