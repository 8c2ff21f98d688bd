package org.issuetracker.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.issuetracker.application.report.ReportService;
import org.issuetracker.application.report.Summary;
import org.issuetracker.domain.shared.Actor;

/** {@code /api/reports/summary}. */
@Path("reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class ReportResource {

    @Inject
    ReportService reports;

    @Inject
    Actor actor;

    @GET
    @Path("summary")
    @Operation(
            operationId = "getSummaryReport",
            summary = "Summary",
            description = "Counts by status and category, issues created and closed per"
                    + " week (last 12 weeks), top contributors; over approved issues that are not archived.")
    public Summary summary() {
        return reports.summary(actor);
    }
}
