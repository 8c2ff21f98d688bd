package org.issuetracker.application.caching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The shipped TTLs are the production guide's tiers, and the dev profile keeps every region short. */
class TtlTiersTest {

    @Test
    void productionDefaultsFollowTheGuideAndDevIsShort() throws IOException {
        Properties config = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            config.load(in);
        }
        for (CacheRegion region : CacheRegion.values()) {
            assertThat(config.getProperty(region.ttlProperty()))
                    .as(region.ttlProperty())
                    .isNotNull();
            Duration dev = Duration.parse(config.getProperty("%dev." + region.ttlProperty()));
            assertThat(dev).as("dev " + region).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(10));
        }
        assertThat(ttl(config, CacheRegion.ISSUE_QUERIES)).as("query results").isEqualTo(Duration.ofMinutes(30));
        assertThat(ttl(config, CacheRegion.REPORTS)).as("reports").isEqualTo(Duration.ofMinutes(60));
        assertThat(ttl(config, CacheRegion.SESSIONS)).as("session data").isEqualTo(Duration.ofHours(24));
        assertThat(ttl(config, CacheRegion.ISSUES)).isEqualTo(Duration.ofMinutes(30));
        assertThat(ttl(config, CacheRegion.REFERENCE)).isEqualTo(Duration.ofMinutes(60));
    }

    private static Duration ttl(Properties config, CacheRegion region) {
        return Duration.parse(config.getProperty(region.ttlProperty()));
    }
}
