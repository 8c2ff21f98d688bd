package org.issuetracker.application.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.issuetracker.application.caching.CacheRegion;
import org.issuetracker.application.caching.CachedIn;
import org.issuetracker.domain.reference.ReferenceItem;
import org.issuetracker.domain.reference.ReferenceKind;
import org.issuetracker.domain.reference.ReferenceRepository;

/** Categories and statuses, read through the {@code reference} cache region. */
@ApplicationScoped
public class ReferenceLookup {

    @Inject
    ReferenceRepository repository;

    /** Every item of the kind, archived ones included, by name. */
    @CachedIn(CacheRegion.REFERENCE)
    public List<ReferenceItem> all(ReferenceKind kind) {
        return repository.list(kind, true);
    }
}
