package org.issuetracker.application.report;

import java.time.LocalDate;
import java.util.List;

/** Figures over the issues everyone sees: approved and not archived. */
public record Summary(
        long total,
        long open,
        long closed,
        List<Count> byStatus,
        List<Count> byCategory,
        List<Week> weeks,
        List<Contributor> topContributors) {

    /** How many issues have this status or category. */
    public record Count(String id, String name, long issues) {}

    /** Issues created and closed in the week starting on Monday {@code start} (UTC). */
    public record Week(LocalDate start, long created, long closed) {}

    /** Someone who filed many issues. */
    public record Contributor(String username, String displayName, long issues) {}
}
