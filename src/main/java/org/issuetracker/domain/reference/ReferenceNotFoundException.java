package org.issuetracker.domain.reference;

import org.issuetracker.domain.shared.NotFoundException;

/** No category or status has that id. */
public class ReferenceNotFoundException extends NotFoundException {

    public ReferenceNotFoundException(ReferenceKind kind, String id) {
        super(kind.label(), id);
    }
}
