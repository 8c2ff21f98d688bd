package org.issuetracker.application.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.UnaryOperator;
import org.issuetracker.application.RequestValidation;
import org.issuetracker.application.caching.CacheRegion;
import org.issuetracker.application.caching.InvalidatesCache;
import org.issuetracker.application.operations.Monitored;
import org.issuetracker.domain.reference.ReferenceDraft;
import org.issuetracker.domain.reference.ReferenceItem;
import org.issuetracker.domain.reference.ReferenceKind;
import org.issuetracker.domain.reference.ReferenceNotFoundException;
import org.issuetracker.domain.reference.ReferenceRepository;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.shared.Identifiers;
import org.issuetracker.domain.shared.StaleVersionException;

/**
 * Categories and statuses. Everyone reads them; only admins create, rename, archive and restore. A rename shows on
 * every issue at once: issues keep the id, views look the name up. Every write also changes what issue lists and
 * reports show, so those regions are invalidated with it.
 */
@Monitored
@ApplicationScoped
public class ReferenceService {

    @Inject
    RequestValidation validation;

    @Inject
    ReferenceRepository repository;

    @Inject
    ReferenceData data;

    public List<ReferenceItem> list(ReferenceKind kind, boolean includeArchived) {
        return data.list(kind, includeArchived);
    }

    public ReferenceItem get(ReferenceKind kind, String id) {
        return data.find(kind, id).orElseThrow(() -> new ReferenceNotFoundException(kind, id));
    }

    @InvalidatesCache({CacheRegion.REFERENCE, CacheRegion.ISSUE_QUERIES, CacheRegion.REPORTS})
    public ReferenceItem create(ReferenceKind kind, ReferenceDraft draft, Actor actor) {
        actor.requireAdmin("create a " + kind.label());
        validation.check(draft, "the " + kind.label());
        Instant now = now();
        return repository.add(new ReferenceItem(
                repository.nextId(),
                kind,
                draft.name(),
                draft.description(),
                kind == ReferenceKind.STATUS && draft.closed(),
                false,
                now,
                now,
                0));
    }

    @InvalidatesCache({CacheRegion.REFERENCE, CacheRegion.ISSUE_QUERIES, CacheRegion.REPORTS})
    public ReferenceItem update(
            ReferenceKind kind, String id, ReferenceDraft draft, Long expectedVersion, Actor actor) {
        actor.requireAdmin("change a " + kind.label());
        validation.check(draft, "the " + kind.label());
        return change(kind, id, expectedVersion, item -> item.with(draft, now()));
    }

    @InvalidatesCache({CacheRegion.REFERENCE, CacheRegion.ISSUE_QUERIES, CacheRegion.REPORTS})
    public ReferenceItem archive(ReferenceKind kind, String id, Actor actor) {
        actor.requireAdmin("archive a " + kind.label());
        return change(kind, id, null, item -> item.withArchived(true, now()));
    }

    @InvalidatesCache({CacheRegion.REFERENCE, CacheRegion.ISSUE_QUERIES, CacheRegion.REPORTS})
    public ReferenceItem restore(ReferenceKind kind, String id, Actor actor) {
        actor.requireAdmin("restore a " + kind.label());
        return change(kind, id, null, item -> item.withArchived(false, now()));
    }

    private ReferenceItem change(
            ReferenceKind kind, String id, Long expectedVersion, UnaryOperator<ReferenceItem> how) {
        Identifiers.require(kind.label(), id);
        ReferenceItem current = repository.find(kind, id).orElseThrow(() -> new ReferenceNotFoundException(kind, id));
        long version = expectedVersion == null ? current.version() : expectedVersion;
        if (version != current.version()) {
            throw new StaleVersionException(kind.label(), version, current.version());
        }
        return repository
                .replace(how.apply(current), version)
                .orElseThrow(() -> new StaleVersionException(kind.label(), version, version + 1));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
