package org.issuetracker.interfaces.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.issuetracker.application.preflight.PreflightReport;
import org.issuetracker.application.preflight.PreflightService;
import org.issuetracker.application.preflight.Verdict;
import org.issuetracker.domain.shared.Actor;

/** The pre-deployment checklist page: {@link PreflightService}'s report, evaluated once per request. */
@Named
@RequestScoped
public class Preflight {

    @Inject
    PreflightService preflight;

    @Inject
    Actor actor;

    private PreflightReport report;

    public PreflightReport getReport() {
        if (report == null) {
            report = preflight.evaluate(actor);
        }
        return report;
    }

    /** The badge's style for a verdict: the operations page's colours for up, degraded and down. */
    public String badge(Verdict verdict) {
        return switch (verdict) {
            case PASS -> "up";
            case WARN -> "degraded";
            case FAIL -> "down";
        };
    }
}
