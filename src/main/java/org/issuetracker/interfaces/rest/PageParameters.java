package org.issuetracker.interfaces.rest;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;

/**
 * Reads {@code page} and {@code size} (a bad value is a 400 naming the parameter, not JAX-RS' 404 for unconvertible
 * query parameters) and writes the {@code Link} header of a page: first, prev, next, last.
 */
final class PageParameters {

    private PageParameters() {}

    static PageRequest parse(String page, String size) {
        return parse(page, size, PageRequest.DEFAULT_SIZE);
    }

    /** As {@link #parse(String, String)}, with the list's own page size when none is asked for. */
    static PageRequest parse(String page, String size, int defaultSize) {
        Map<String, String> errors = new LinkedHashMap<>();
        int pageNumber = number("page", page, 0, 0, Integer.MAX_VALUE / PageRequest.MAX_SIZE, errors);
        int pageSize = number("size", size, defaultSize, 1, PageRequest.MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new InvalidParametersException(errors);
        }
        return new PageRequest(pageNumber, pageSize);
    }

    private static int number(String name, String text, int absent, int min, int max, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(name, "must be a whole number from " + min + " to " + max);
        return absent;
    }

    static Link[] links(UriInfo uriInfo, Page<?> page) {
        List<Link> links = new ArrayList<>();
        links.add(link(uriInfo, page, 0, "first"));
        if (page.hasPrevious()) {
            links.add(link(uriInfo, page, Math.min(page.page() - 1, page.pageCount() - 1), "prev"));
        }
        if (page.hasNext()) {
            links.add(link(uriInfo, page, page.page() + 1, "next"));
        }
        links.add(link(uriInfo, page, page.pageCount() - 1, "last"));
        return links.toArray(Link[]::new);
    }

    private static Link link(UriInfo uriInfo, Page<?> page, int number, String rel) {
        return Link.fromUriBuilder(uriInfo.getRequestUriBuilder()
                        .replaceQueryParam("page", number)
                        .replaceQueryParam("size", page.size()))
                .rel(rel)
                .build();
    }
}
