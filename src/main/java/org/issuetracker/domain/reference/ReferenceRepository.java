package org.issuetracker.domain.reference;

import java.util.List;
import java.util.Optional;

/** Where categories and statuses are kept, one collection per kind. */
public interface ReferenceRepository {

    String nextId();

    /** Stores a new item; a name taken (whatever its case) is a {@link org.issuetracker.domain.shared.ConflictException}. */
    ReferenceItem add(ReferenceItem item);

    Optional<ReferenceItem> find(ReferenceKind kind, String id);

    Optional<ReferenceItem> findByName(ReferenceKind kind, String name);

    /** Replaces the item if still at that version; a name taken by another is a conflict. */
    Optional<ReferenceItem> replace(ReferenceItem changed, long expectedVersion);

    /** By name; archived ones only if asked for. */
    List<ReferenceItem> list(ReferenceKind kind, boolean includeArchived);
}
