package org.issuetracker.interfaces.rest;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.issuetracker.domain.issue.Approval;
import org.issuetracker.domain.issue.IssueQuery;
import org.issuetracker.domain.issue.IssueSort;
import org.issuetracker.domain.issue.Labels;
import org.issuetracker.domain.shared.PageRequest;

/**
 * The filters of {@code GET /api/issues} (and its CSV twin) as an {@link IssueQuery}. Every value is taken as a
 * literal; a value that cannot be what its parameter means is a 400 naming the parameter. Dates are
 * {@code 2026-11-26} (whole days, UTC; {@code createdTo} includes its day) or instants ({@code 2026-11-26T10:00:00Z}).
 * A search is bounded before any work: {@code q} of at most 200 characters, at most 10 {@code label}s of at most 30.
 */
final class IssueQueryParameters {

    private IssueQueryParameters() {}

    static IssueQuery parse(MultivaluedMap<String, String> parameters) {
        Map<String, String> errors = new LinkedHashMap<>();
        PageRequest page = null;
        try {
            page = PageParameters.parse(parameters.getFirst("page"), parameters.getFirst("size"));
        } catch (InvalidParametersException e) {
            errors.putAll(e.errors());
        }
        IssueSort sort = optional(parameters, "sort")
                .map(text -> IssueSort.named(text).orElseGet(() -> {
                    errors.put("sort", "must be one of newest, oldest, votes, updated");
                    return null;
                }))
                .orElse(IssueSort.NEWEST);
        Approval approval = optional(parameters, "approval")
                .map(text -> {
                    try {
                        return Approval.valueOf(text.trim().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        errors.put("approval", "must be one of PENDING, APPROVED, REJECTED");
                        return null;
                    }
                })
                .orElse(null);
        boolean archived = optional(parameters, "archived")
                .map(text -> switch (text.trim().toLowerCase(Locale.ROOT)) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> {
                        errors.put("archived", "must be true or false");
                        yield false;
                    }
                })
                .orElse(false);
        String text = parameters.getFirst("q");
        if (text != null && text.strip().length() > IssueQuery.MAX_TEXT_LENGTH) {
            errors.put("q", "must be at most " + IssueQuery.MAX_TEXT_LENGTH + " characters");
        }
        List<String> labels = parameters.getOrDefault("label", List.of());
        if (labels.size() > IssueQuery.MAX_LABELS) {
            errors.put("label", "may be given at most " + IssueQuery.MAX_LABELS + " times");
        } else if (labels.stream()
                .anyMatch(label -> label != null && label.strip().length() > Labels.MAX_LENGTH)) {
            errors.put("label", "must be at most " + Labels.MAX_LENGTH + " characters each");
        }
        Instant from = date(parameters, "createdFrom", false, errors);
        Instant to = date(parameters, "createdTo", true, errors);
        if (!errors.isEmpty()) {
            throw new InvalidParametersException(errors);
        }
        return new IssueQuery(
                text,
                parameters.getFirst("status"),
                parameters.getFirst("category"),
                labels,
                parameters.getFirst("author"),
                parameters.getFirst("assignee"),
                approval,
                archived,
                from,
                to,
                sort,
                page,
                null);
    }

    private static java.util.Optional<String> optional(MultivaluedMap<String, String> parameters, String name) {
        return java.util.Optional.ofNullable(parameters.getFirst(name)).filter(text -> !text.isBlank());
    }

    private static Instant date(
            MultivaluedMap<String, String> parameters, String name, boolean endOfDay, Map<String, String> errors) {
        String text = parameters.getFirst(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.trim().length() == 10) {
                LocalDate day = LocalDate.parse(text.trim());
                return (endOfDay ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            }
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.put(name, "must be a date (2026-11-26) or an instant (2026-11-26T10:00:00Z)");
            return null;
        }
    }
}
