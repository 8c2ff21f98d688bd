package org.issuetracker.application.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.issuetracker.application.caching.CacheRegion;
import org.issuetracker.application.caching.CachedIn;
import org.issuetracker.application.reference.ReferenceData;
import org.issuetracker.application.user.PersonLookup;
import org.issuetracker.domain.reference.ReferenceItem;
import org.issuetracker.domain.reference.ReferenceKind;
import org.issuetracker.domain.report.IssueStatistics;

/** Computes the summary, behind the cache (a bean of its own, so that calls go through the interceptor). */
@ApplicationScoped
public class ReportCalculator {

    static final int WEEKS = 12;
    static final int TOP = 10;

    @Inject
    IssueStatistics statistics;

    @Inject
    ReferenceData reference;

    @Inject
    PersonLookup people;

    @CachedIn(CacheRegion.REPORTS)
    public Summary summary(LocalDate today) {
        Map<String, Long> statusCounts = statistics.countByStatus();
        List<Summary.Count> byStatus = counts(ReferenceKind.STATUS, statusCounts);
        List<Summary.Count> byCategory = counts(ReferenceKind.CATEGORY, statistics.countByCategory());
        long total = byStatus.stream().mapToLong(Summary.Count::issues).sum();
        long closed = statusCounts.entrySet().stream()
                .filter(e -> reference
                        .find(ReferenceKind.STATUS, e.getKey())
                        .map(ReferenceItem::closed)
                        .orElse(false))
                .mapToLong(Map.Entry::getValue)
                .sum();
        List<Summary.Contributor> top = statistics.topAuthors(TOP).stream()
                .map(e -> new Summary.Contributor(
                        e.getKey(), people.find(e.getKey()).displayName(), e.getValue()))
                .toList();
        return new Summary(total, total - closed, closed, byStatus, byCategory, weeks(today), top);
    }

    private List<Summary.Count> counts(ReferenceKind kind, Map<String, Long> counts) {
        return counts.entrySet().stream()
                .map(e -> new Summary.Count(
                        e.getKey(),
                        reference
                                .find(kind, e.getKey())
                                .map(ReferenceItem::name)
                                .orElse(e.getKey()),
                        e.getValue()))
                .toList();
    }

    private List<Summary.Week> weeks(LocalDate today) {
        LocalDate thisWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = thisWeek.minusWeeks(WEEKS - 1L);
        Map<LocalDate, long[]> weeks = new LinkedHashMap<>();
        for (int i = 0; i < WEEKS; i++) {
            weeks.put(first.plusWeeks(i), new long[2]);
        }
        for (Instant[] createdAndClosed : statistics.createdAndClosedSince(
                first.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            count(weeks, createdAndClosed[0], 0);
            count(weeks, createdAndClosed[1], 1);
        }
        List<Summary.Week> result = new ArrayList<>();
        weeks.forEach((start, counts) -> result.add(new Summary.Week(start, counts[0], counts[1])));
        return result;
    }

    private static void count(Map<LocalDate, long[]> weeks, Instant when, int which) {
        if (when != null) {
            LocalDate week =
                    when.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            long[] counts = weeks.get(week);
            if (counts != null) {
                counts[which]++;
            }
        }
    }
}
