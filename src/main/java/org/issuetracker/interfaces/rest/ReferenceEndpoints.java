package org.issuetracker.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.issuetracker.application.reference.ReferenceService;
import org.issuetracker.domain.reference.ReferenceDraft;
import org.issuetracker.domain.reference.ReferenceItem;
import org.issuetracker.domain.reference.ReferenceKind;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.shared.Identifiers;
import org.issuetracker.interfaces.rest.Representations.ReferenceRequest;
import org.issuetracker.interfaces.rest.Representations.ReferenceResponse;

/**
 * What {@link CategoryResource} and {@link StatusResource} do, for either kind. (Two resource classes rather than
 * one inherited or one on a path template: Payara's OpenAPI scanner documents neither of those correctly.)
 */
@RequestScoped
public class ReferenceEndpoints {

    @Inject
    ReferenceService service;

    @Inject
    Actor actor;

    List<ReferenceResponse> list(ReferenceKind kind, String includeArchived) {
        boolean archivedToo = includeArchived != null && "true".equalsIgnoreCase(includeArchived.trim());
        return service.list(kind, archivedToo).stream()
                .map(ReferenceResponse::of)
                .toList();
    }

    Response get(ReferenceKind kind, String id, Request request) {
        ReferenceItem item = service.get(kind, Identifiers.parse(kind.label(), id));
        return EntityTags.read(request, item.version(), () -> ReferenceResponse.of(item));
    }

    Response create(ReferenceKind kind, ReferenceRequest body, UriInfo uriInfo) {
        ReferenceItem item = service.create(kind, draft(body), actor);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(item.id()).build())
                .tag(EntityTags.of(item.version()))
                .entity(ReferenceResponse.of(item))
                .build();
    }

    Response update(ReferenceKind kind, String id, ReferenceRequest body, HttpHeaders headers) {
        ReferenceItem item = service.update(
                kind, Identifiers.parse(kind.label(), id), draft(body), EntityTags.expectedVersion(headers), actor);
        return EntityTags.written(item.version(), ReferenceResponse.of(item));
    }

    Response archive(ReferenceKind kind, String id) {
        ReferenceItem item = service.archive(kind, Identifiers.parse(kind.label(), id), actor);
        return EntityTags.written(item.version(), ReferenceResponse.of(item));
    }

    Response restore(ReferenceKind kind, String id) {
        ReferenceItem item = service.restore(kind, Identifiers.parse(kind.label(), id), actor);
        return EntityTags.written(item.version(), ReferenceResponse.of(item));
    }

    private static ReferenceDraft draft(ReferenceRequest body) {
        return body == null
                ? null
                : new ReferenceDraft(body.name(), body.description(), Boolean.TRUE.equals(body.closed()));
    }
}
