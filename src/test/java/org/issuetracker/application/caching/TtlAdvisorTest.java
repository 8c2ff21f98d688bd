package org.issuetracker.application.caching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.issuetracker.application.caching.TtlAdvisor.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TtlAdvisorTest {

    private static final Duration TTL = Duration.ofMinutes(30);

    @ParameterizedTest(name = "{0} hits, {1} misses -> {2}")
    @CsvSource({
        "90, 10, KEEP, PT30M", // 90 %: the guide's "keep"
        "80, 20, KEEP, PT30M", // exactly 80 %
        "70, 30, KEEP, PT30M", // between 50 and 80 %: keep and watch
        "40, 60, RAISE, PT1H", // under 50 %: raise (doubled)
        "10, 80, TOO_FEW_READS, PT30M" // 90 reads are not enough to judge
    })
    void appliesTheGuidesRuleToTheHitRatio(long hits, long misses, Verdict verdict, Duration suggested) {
        TtlAdvisor.Advice advice =
                TtlAdvisor.advise("issues", TTL, new CacheMetrics.RegionCounts(hits, misses, misses, 0, 0), false);

        assertThat(advice.verdict()).isEqualTo(verdict);
        assertThat(advice.suggestedTtl()).isEqualTo(suggested);
        assertThat(advice.reason()).isNotBlank();
    }

    @Test
    void aPoorRegionIsToBeCachedForLessWhileRedisEvictsAtItsLimit() {
        TtlAdvisor.Advice advice =
                TtlAdvisor.advise("reports", TTL, new CacheMetrics.RegionCounts(30, 70, 70, 0, 0), true);

        assertThat(advice.verdict()).isEqualTo(Verdict.LOWER);
        assertThat(advice.suggestedTtl()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void missesThatFollowWritesAreNotATtlProblem() {
        TtlAdvisor.Advice advice =
                TtlAdvisor.advise("issue-queries", TTL, new CacheMetrics.RegionCounts(10, 600, 600, 640, 0), false);

        assertThat(advice.verdict()).isEqualTo(Verdict.KEEP);
        assertThat(advice.reason()).contains("follow writes");
    }

    @Test
    void aRaiseStopsAtADay() {
        TtlAdvisor.Advice advice = TtlAdvisor.advise(
                "sessions", Duration.ofHours(20), new CacheMetrics.RegionCounts(10, 190, 190, 0, 0), false);

        assertThat(advice.suggestedTtl()).isEqualTo(Duration.ofHours(24));
    }
}
