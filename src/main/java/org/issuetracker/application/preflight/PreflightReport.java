package org.issuetracker.application.preflight;

import java.time.Instant;
import java.util.List;

/** The checklist as one instance evaluated it, with the worst verdict as {@code overall}. */
public record PreflightReport(Instant generatedAt, String instance, Verdict overall, List<Check> checks) {

    public PreflightReport {
        checks = List.copyOf(checks);
    }
}
