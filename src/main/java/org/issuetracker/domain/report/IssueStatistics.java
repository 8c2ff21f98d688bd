package org.issuetracker.domain.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Counts over the issues everyone sees (approved, not archived), computed by the database. */
public interface IssueStatistics {

    /** Issue counts per status id. */
    Map<String, Long> countByStatus();

    /** Issue counts per category id. */
    Map<String, Long> countByCategory();

    /** The authors who filed the most issues, most first. */
    List<Map.Entry<String, Long>> topAuthors(int limit);

    /** When each issue created or closed since {@code since} was created and, if closed, closed. */
    List<Instant[]> createdAndClosedSince(Instant since);
}
