package org.issuetracker.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.issuetracker.application.operations.ClusterMembership;
import org.issuetracker.application.operations.DependencyHealth.DependencyStatus;
import org.issuetracker.application.operations.IndexCatalog.CollectionIndexes;
import org.issuetracker.application.operations.OperationsService;
import org.issuetracker.application.operations.RecentErrors.ServerError;
import org.issuetracker.application.operations.SignInAttempts;
import org.issuetracker.application.operations.Traffic;
import org.issuetracker.domain.shared.Actor;

/** {@code /api/admin/operations}: the operations page as JSON, for scripts. Always 200 (the report is the answer). */
@Path("admin/operations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class OperationsResource {

    @Inject
    OperationsService operations;

    @Inject
    Actor actor;

    public record DependencyResponse(String name, String state, boolean required, long latencyMs, String error) {}

    /**
     * The cluster as this instance sees it; {@code sessions} and {@code backupsInSync} are null when unknown,
     * {@code rejoinedAfterSplit} when this instance never merged back after a split (else: restart it).
     */
    public record ClusterResponse(
            String replication,
            String clusterName,
            int size,
            List<ClusterMembership.Member> members,
            SessionsResponse sessions,
            Boolean backupsInSync,
            Instant rejoinedAfterSplit) {

        static ClusterResponse of(ClusterMembership.ClusterStatus status) {
            ClusterMembership.SessionCopies copies = status.sessions();
            return new ClusterResponse(
                    status.replication(),
                    status.clusterName(),
                    status.size(),
                    status.members(),
                    copies == null
                            ? null
                            : new SessionsResponse(
                                    copies.owned(), copies.backups(), copies.ownedBytes(), copies.averageBytes()),
                    status.backupsInSync(),
                    status.rejoinedAfterSplit());
        }
    }

    public record SessionsResponse(long owned, long backups, long ownedBytes, long averageBytes) {}

    public record OperationsResponse(
            Instant generatedAt,
            String instance,
            String status,
            List<DependencyResponse> dependencies,
            ClusterResponse cluster,
            CacheAdminResource.CacheResponse cache,
            List<CollectionIndexes> indexes,
            String indexError,
            Traffic.Snapshot traffic,
            SignInAttempts.Snapshot signIns,
            List<ServerError> recentErrors) {}

    @GET
    @Operation(
            operationId = "getOperationsReport",
            summary = "Operations report",
            description = "Admins. Asked fresh: each dependency's state (UP, DOWN, DEGRADED) and latency, the cache per"
                    + " region with the TTL advisor's verdict, the cluster's members and this instance's copies of the"
                    + " replicated sessions, Redis' memory, MongoDB's indexes per collection (and"
                    + " those missing), this instance's requests and errors over the last five minutes, its failed and"
                    + " throttled sign-ins (and the accounts and addresses waiting now), and its"
                    + " latest server errors with their incident ids.")
    public Response report() {
        var report = operations.report(actor);
        OperationsResponse body = new OperationsResponse(
                report.generatedAt(),
                report.instance(),
                report.overall(),
                report.dependencies().stream()
                        .map(OperationsResource::dependency)
                        .toList(),
                ClusterResponse.of(report.cluster()),
                CacheAdminResource.CacheResponse.of(report.cache()),
                report.indexes(),
                report.indexError(),
                report.traffic(),
                report.signIns(),
                report.recentErrors());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(body).cacheControl(noStore).build();
    }

    private static DependencyResponse dependency(DependencyStatus status) {
        return new DependencyResponse(
                status.name(), status.state(), status.required(), status.latencyMillis(), status.error());
    }
}
