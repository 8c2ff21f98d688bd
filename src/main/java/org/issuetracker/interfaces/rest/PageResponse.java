package org.issuetracker.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.issuetracker.domain.shared.Page;

/**
 * One page of a list: {@code {items, page, size, total}}; or, for the lists that were arrays before they were paged
 * (an issue's comments and history), the page's items as the array with the rest in headers.
 */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    static <T> PageResponse<T> of(Page<T> page) {
        return new PageResponse<>(page.items(), page.page(), page.size(), page.total());
    }

    /** 200 with the page as {@code {items, page, size, total}} and its {@code Link} header. */
    static Response ok(Page<?> page, UriInfo uriInfo) {
        return Response.ok(of(page)).links(PageParameters.links(uriInfo, page)).build();
    }

    /**
     * 200 with the page's items as a JSON array (what callers of the once unpaged list read), the {@code Link}
     * header and the length of the whole list in {@code X-Total-Count}.
     */
    static Response array(Page<?> page, UriInfo uriInfo) {
        return Response.ok(page.items())
                .links(PageParameters.links(uriInfo, page))
                .header(TOTAL_COUNT, page.total())
                .build();
    }

    static final String TOTAL_COUNT = "X-Total-Count";
}
