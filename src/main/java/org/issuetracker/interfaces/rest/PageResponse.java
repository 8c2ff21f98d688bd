package org.issuetracker.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.issuetracker.domain.shared.Page;

/** One page of a list: {@code {items, page, size, total}}. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    static <T> PageResponse<T> of(Page<T> page) {
        return new PageResponse<>(page.items(), page.page(), page.size(), page.total());
    }

    /** 200 with the page as {@code {items, page, size, total}} and its {@code Link} header. */
    static Response ok(Page<?> page, UriInfo uriInfo) {
        return Response.ok(of(page)).links(PageParameters.links(uriInfo, page)).build();
    }
}
