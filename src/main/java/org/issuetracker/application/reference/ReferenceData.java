package org.issuetracker.application.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.issuetracker.domain.reference.ReferenceItem;
import org.issuetracker.domain.reference.ReferenceKind;

/** Questions other features ask about categories and statuses, answered from the cached lists. */
@ApplicationScoped
public class ReferenceData {

    @Inject
    ReferenceLookup lookup;

    public Optional<ReferenceItem> find(ReferenceKind kind, String id) {
        return lookup.all(kind).stream().filter(item -> item.id().equals(id)).findFirst();
    }

    public List<ReferenceItem> list(ReferenceKind kind, boolean includeArchived) {
        return lookup.all(kind).stream()
                .filter(item -> includeArchived || !item.archived())
                .toList();
    }

    /** The id of the status new issues start in: "Open", or the first status that is not closed. */
    public String initialStatusId() {
        List<ReferenceItem> statuses = list(ReferenceKind.STATUS, false);
        return statuses.stream()
                .filter(status -> status.name().equalsIgnoreCase(ReferenceKind.INITIAL_STATUS))
                .findFirst()
                .or(() -> statuses.stream().filter(status -> !status.closed()).findFirst())
                .map(ReferenceItem::id)
                .orElseThrow(() -> new IllegalStateException("There is no open status to file issues in"));
    }
}
