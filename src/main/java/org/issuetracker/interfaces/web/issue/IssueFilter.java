package org.issuetracker.interfaces.web.issue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.issuetracker.domain.issue.Approval;
import org.issuetracker.domain.issue.IssueQuery;
import org.issuetracker.domain.issue.IssueSort;
import org.issuetracker.domain.issue.Labels;
import org.issuetracker.domain.shared.PageRequest;

/**
 * What the issue list shows, entirely in its URL so that a view can be bookmarked and shared:
 * {@code ?q=login&status=open&category=bug&label=ui&label=web&author=alice&assignee=bob&sort=votes&page=2&size=50}.
 * Pages count from 1 here, as people count. Values that make no sense (a page of "x", an unknown sort) are
 * ignored rather than refused: a hand-edited URL still shows a list.
 */
public record IssueFilter(
        String text,
        String status,
        String category,
        List<String> labels,
        String author,
        String assignee,
        IssueSort sort,
        int page,
        Integer size) {

    /** The last page a URL may ask for: with the largest page size, its offset still fits an int. */
    static final int MAX_PAGE = Integer.MAX_VALUE / PageRequest.MAX_SIZE;

    public IssueFilter {
        text = blankToNull(text);
        status = blankToNull(status);
        category = blankToNull(category);
        labels = Labels.normalize(labels == null ? List.of() : labels);
        author = blankToNull(author);
        assignee = blankToNull(assignee);
        // far enough for any list, and never so far that the offset overflows
        page = Math.max(1, Math.min(page, MAX_PAGE));
        size = size == null || size < 1 || size > PageRequest.MAX_SIZE ? null : size;
    }

    /** Reads the filter from request parameters (as the list page and the CSV export receive them). */
    public static IssueFilter from(Map<String, String[]> parameters) {
        List<String> labels = new ArrayList<>();
        for (String value : parameters.getOrDefault("label", new String[0])) {
            labels.addAll(Arrays.asList(value.split(",")));
        }
        return new IssueFilter(
                first(parameters, "q"),
                first(parameters, "status"),
                first(parameters, "category"),
                labels,
                first(parameters, "author"),
                first(parameters, "assignee"),
                Optional.ofNullable(first(parameters, "sort"))
                        .flatMap(IssueSort::named)
                        .orElse(null),
                number(first(parameters, "page")).orElse(1),
                number(first(parameters, "size")).orElse(null));
    }

    /**
     * The query this filter asks for, with the given defaults for what the URL leaves open: approved issues that are
     * not archived (the rest is on the profile and admin pages).
     */
    public IssueQuery toQuery(IssueSort defaultSort, int defaultSize) {
        return new IssueQuery(
                text,
                status,
                category,
                labels,
                author,
                assignee,
                Approval.APPROVED,
                false,
                null,
                null,
                sort == null ? defaultSort : sort,
                new PageRequest(page - 1, size == null ? defaultSize : size),
                null);
    }

    /**
     * The message key of the first limit this filter exceeds (a search text too long, more labels than an issue can
     * carry, a label longer than any can be), if any: such a search is not run at all.
     */
    public Optional<String> exceededLimit() {
        if (text != null && text.length() > IssueQuery.MAX_TEXT_LENGTH) {
            return Optional.of("issues.filter.textTooLong");
        }
        if (text != null && !text.matches(IssueQuery.SEARCHABLE)) {
            return Optional.of("issues.filter.textUnsearchable");
        }
        if (labels.size() > IssueQuery.MAX_LABELS) {
            return Optional.of("issues.filter.tooManyLabels");
        }
        if (labels.stream().anyMatch(label -> label.length() > Labels.MAX_LENGTH)) {
            return Optional.of("issues.filter.labelTooLong");
        }
        return Optional.empty();
    }

    public boolean isFiltered() {
        return text != null
                || status != null
                || category != null
                || !labels.isEmpty()
                || author != null
                || assignee != null;
    }

    public IssueFilter onPage(int newPage) {
        return new IssueFilter(text, status, category, labels, author, assignee, sort, newPage, size);
    }

    public IssueFilter withoutLabel(String label) {
        List<String> rest = labels.stream().filter(l -> !l.equals(label)).toList();
        return new IssueFilter(text, status, category, rest, author, assignee, sort, 1, size);
    }

    public IssueFilter withLabel(String label) {
        List<String> more = new ArrayList<>(labels);
        if (!more.contains(label)) {
            more.add(label);
        }
        return new IssueFilter(text, status, category, more, author, assignee, sort, 1, size);
    }

    /** The URL query string of this filter ({@code q=...&status=...}), without the parts left at their default. */
    public String queryString() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("q", text);
        parameters.put("status", status);
        parameters.put("category", category);
        parameters.put("author", author);
        parameters.put("assignee", assignee);
        parameters.put("sort", sort == null ? null : sort.name().toLowerCase());
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((name, value) -> {
            if (value != null) {
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        labels.forEach(label -> query.add("label=" + URLEncoder.encode(label, StandardCharsets.UTF_8)));
        if (size != null) {
            query.add("size=" + size);
        }
        if (page > 1) {
            query.add("page=" + page);
        }
        return query.toString();
    }

    private static String first(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static Optional<Integer> number(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
