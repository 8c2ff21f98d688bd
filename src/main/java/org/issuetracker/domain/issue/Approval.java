package org.issuetracker.domain.issue;

/** Whether an admin has let an issue into the public list. Every issue starts {@link #PENDING}. */
public enum Approval {
    PENDING,
    APPROVED,
    REJECTED
}
