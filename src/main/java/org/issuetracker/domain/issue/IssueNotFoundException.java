package org.issuetracker.domain.issue;

import org.issuetracker.domain.shared.NotFoundException;

/** No issue has the id asked for, or the caller may not see it (which is not told apart, on purpose). */
public class IssueNotFoundException extends NotFoundException {

    public IssueNotFoundException(IssueId id) {
        super("issue", id.value());
    }
}
