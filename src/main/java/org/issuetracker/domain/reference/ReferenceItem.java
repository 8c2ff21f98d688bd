package org.issuetracker.domain.reference;

import java.time.Instant;
import java.util.Objects;

/** A category or a status. {@code closed} only means something for statuses: issues in it count as closed. */
public record ReferenceItem(
        String id,
        ReferenceKind kind,
        String name,
        String description,
        boolean closed,
        boolean archived,
        Instant createdAt,
        Instant modifiedAt,
        long version) {

    public ReferenceItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
    }

    public ReferenceItem with(ReferenceDraft draft, Instant now) {
        return new ReferenceItem(
                id,
                kind,
                draft.name(),
                draft.description(),
                kind == ReferenceKind.STATUS && draft.closed(),
                archived,
                createdAt,
                now,
                version);
    }

    public ReferenceItem withArchived(boolean newArchived, Instant now) {
        return new ReferenceItem(id, kind, name, description, closed, newArchived, createdAt, now, version);
    }
}
