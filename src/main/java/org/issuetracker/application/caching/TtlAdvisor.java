package org.issuetracker.application.caching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.issuetracker.domain.shared.Actor;

/**
 * The operations guide's rule for cache TTLs, applied to what each region measured since start: a hit ratio above
 * 80 % is good (keep the TTL); under 50 % the entries expire before they are read again (raise it, unless Redis is
 * already evicting keys at its memory limit: then a longer TTL only evicts more, and the region is better cached for
 * less time); in between, keep and watch. Too few reads to judge say so. Complaints about stale data are the other
 * reason to lower a TTL: only people can report those.
 */
@ApplicationScoped
public class TtlAdvisor {

    /** Below this many reads the ratio says little. */
    static final long MIN_READS = 100;

    static final double GOOD = 0.8;
    static final double POOR = 0.5;
    static final Duration LONGEST = Duration.ofHours(24);

    /** What to do with a region's TTL. */
    public enum Verdict {
        KEEP,
        RAISE,
        LOWER,
        TOO_FEW_READS
    }

    /** One region: its TTL, what it measured, the verdict, a suggested TTL and why. */
    public record Advice(
            String region,
            Duration ttl,
            CacheMetrics.RegionCounts counts,
            double hitRatio,
            Verdict verdict,
            Duration suggestedTtl,
            String reason) {}

    /** The advice for every region, and Redis' memory as it is now (if Redis answers). */
    public record Report(List<Advice> regions, Optional<CacheServer.Memory> redis) {}

    @Inject
    CacheMetrics metrics;

    @Inject
    CacheSettings settings;

    @Inject
    CacheServer server;

    public Report report(Actor actor) {
        actor.requireAdmin("see the cache's figures");
        Optional<CacheServer.Memory> memory = server.memory();
        boolean underPressure =
                memory.map(m -> m.evictedKeys() > 0 && m.usedRatio() > 0.9).orElse(false);
        List<Advice> advice = new ArrayList<>();
        for (CacheRegion region : CacheRegion.values()) {
            advice.add(advise(region.regionName(), settings.ttl(region), metrics.counts(region), underPressure));
        }
        return new Report(advice, memory);
    }

    static Advice advise(String region, Duration ttl, CacheMetrics.RegionCounts counts, boolean underPressure) {
        double ratio = counts.hitRatio();
        long reads = counts.hits() + counts.misses();
        if (reads < MIN_READS) {
            return new Advice(
                    region,
                    ttl,
                    counts,
                    ratio,
                    Verdict.TOO_FEW_READS,
                    ttl,
                    reads + " reads since start; the rule needs at least " + MIN_READS);
        }
        if (ratio >= GOOD) {
            return new Advice(region, ttl, counts, ratio, Verdict.KEEP, ttl, "hit ratio above 80 %");
        }
        if (ratio < POOR && counts.invalidations() * 2 >= counts.misses()) {
            return new Advice(
                    region,
                    ttl,
                    counts,
                    ratio,
                    Verdict.KEEP,
                    ttl,
                    "most misses follow writes (" + counts.invalidations() + " invalidations): a longer TTL would"
                            + " not help; fewer or finer invalidations would");
        }
        if (ratio < POOR && underPressure) {
            return new Advice(
                    region,
                    ttl,
                    counts,
                    ratio,
                    Verdict.LOWER,
                    ttl.dividedBy(2),
                    "hit ratio under 50 % while Redis evicts keys at its memory limit: entries of this region take"
                            + " room that better-read ones need");
        }
        if (ratio < POOR) {
            Duration doubled = ttl.multipliedBy(2);
            return new Advice(
                    region,
                    ttl,
                    counts,
                    ratio,
                    Verdict.RAISE,
                    doubled.compareTo(LONGEST) > 0 ? LONGEST : doubled,
                    "hit ratio under 50 %: entries expire before they are read again");
        }
        return new Advice(region, ttl, counts, ratio, Verdict.KEEP, ttl, "hit ratio between 50 and 80 %: watch it");
    }
}
