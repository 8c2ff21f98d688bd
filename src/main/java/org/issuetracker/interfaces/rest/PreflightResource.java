package org.issuetracker.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.issuetracker.application.preflight.PreflightReport;
import org.issuetracker.application.preflight.PreflightService;
import org.issuetracker.application.preflight.Verdict;
import org.issuetracker.domain.shared.Actor;

/** {@code /api/admin/preflight}: the pre-deployment checklist, evaluated now; {@code strict} for pipelines. */
@Path("admin/preflight")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class PreflightResource {

    @Inject
    PreflightService preflight;

    @Inject
    Actor actor;

    @GET
    @Operation(
            operationId = "getPreflightChecklist",
            summary = "Pre-deployment checklist",
            description = "Admins. The operations guide's twelve items, each PASS, WARN or FAIL with its evidence and"
                    + " the fix, judged now against this instance's configuration and what MongoDB, Redis and its"
                    + " own traffic show. 200 with the report; with strict=true, 503 when any item FAILs, so that a"
                    + " deployment pipeline can gate on it.")
    public Response checklist(@QueryParam("strict") @DefaultValue("false") boolean strict) {
        PreflightReport report = preflight.evaluate(actor);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        int status = strict && report.overall() == Verdict.FAIL ? 503 : 200;
        return Response.status(status).entity(report).cacheControl(noStore).build();
    }
}
