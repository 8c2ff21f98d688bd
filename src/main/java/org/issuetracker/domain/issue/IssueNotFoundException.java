package org.issuetracker.domain.issue;

import org.issuetracker.domain.shared.NotFoundException;

/** No issue has the id asked for. */
public class IssueNotFoundException extends NotFoundException {

    public IssueNotFoundException(IssueId id) {
        super("issue", id.value());
    }
}
