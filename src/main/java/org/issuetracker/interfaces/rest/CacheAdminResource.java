package org.issuetracker.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.issuetracker.application.caching.CacheServer;
import org.issuetracker.application.caching.TtlAdvisor;
import org.issuetracker.domain.shared.Actor;

/** {@code /api/admin/cache}: per region, what the cache measured and the TTL advisor's verdict; Redis' memory. */
@Path("admin/cache")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class CacheAdminResource {

    @Inject
    TtlAdvisor advisor;

    @Inject
    Actor actor;

    /** One region as JSON: the TTL as ISO-8601 and in seconds, the ratio as a fraction (null before any read). */
    public record RegionResponse(
            String region,
            String ttl,
            long ttlSeconds,
            long hits,
            long misses,
            long puts,
            long invalidations,
            long errors,
            Double hitRatio,
            String verdict,
            String suggestedTtl,
            String reason) {}

    /** Redis' memory now (null when Redis does not answer). */
    public record RedisResponse(
            long usedMemoryBytes,
            long maxMemoryBytes,
            Double usedRatio,
            String maxMemoryPolicy,
            long evictedKeys,
            long keys,
            int primaries) {}

    public record CacheResponse(List<RegionResponse> regions, RedisResponse redis) {

        static CacheResponse of(TtlAdvisor.Report report) {
            return new CacheResponse(
                    report.regions().stream()
                            .map(advice -> new RegionResponse(
                                    advice.region(),
                                    advice.ttl().toString(),
                                    advice.ttl().toSeconds(),
                                    advice.counts().hits(),
                                    advice.counts().misses(),
                                    advice.counts().puts(),
                                    advice.counts().invalidations(),
                                    advice.counts().errors(),
                                    finite(advice.hitRatio()),
                                    advice.verdict().name(),
                                    advice.suggestedTtl().toString(),
                                    advice.reason()))
                            .toList(),
                    report.redis().map(CacheAdminResource::redis).orElse(null));
        }
    }

    @GET
    @Operation(
            operationId = "getCacheReport",
            summary = "Cache figures and TTL advice",
            description = "Admins. Hits, misses, puts, invalidations and errors per region since start, the hit ratio,"
                    + " and the advisor's verdict (KEEP, RAISE, LOWER, TOO_FEW_READS) with a suggested TTL;"
                    + " Redis' used memory, limit, policy and evicted keys.")
    public CacheResponse cache() {
        return CacheResponse.of(advisor.report(actor));
    }

    private static RedisResponse redis(CacheServer.Memory memory) {
        return new RedisResponse(
                memory.usedBytes(),
                memory.maxBytes(),
                finite(memory.usedRatio()),
                memory.policy(),
                memory.evictedKeys(),
                memory.keys(),
                memory.primaries());
    }

    static Double finite(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
