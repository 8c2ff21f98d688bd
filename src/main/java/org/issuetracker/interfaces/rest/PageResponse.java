package org.issuetracker.interfaces.rest;

import java.util.List;
import org.issuetracker.domain.shared.Page;

/** One page of a list: {@code {items, page, size, total}}. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    static <T> PageResponse<T> of(Page<T> page) {
        return new PageResponse<>(page.items(), page.page(), page.size(), page.total());
    }
}
