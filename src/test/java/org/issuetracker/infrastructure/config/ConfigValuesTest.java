package org.issuetracker.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.issuetracker.application.caching.CacheRegion;
import org.issuetracker.application.caching.CacheSettings;
import org.issuetracker.application.caching.TestCacheSettings;
import org.junit.jupiter.api.Test;

class ConfigValuesTest {

    @Test
    void readsWellFormedValues() {
        ConfigValues values = new ConfigValues(
                new MapConfig(Map.of("ttl", "PT10M", "retries", "3", "address", "redis://cache:6379", "password", "")));

        assertThat(values.duration("ttl")).isEqualTo(Duration.ofMinutes(10));
        assertThat(values.integer("retries", 0, 10)).isEqualTo(3);
        assertThat(values.uri("address", "redis", "rediss")).hasHost("cache");
        assertThat(values.optionalString("password")).isEmpty();
        values.validate();
    }

    @Test
    void namesEveryMalformedOrMissingProperty() {
        ConfigValues values = new ConfigValues(new MapConfig(
                Map.of("ttl", "ten minutes", "retries", "many", "address", "http://cache", "timeout", "PT0S")));
        values.duration("ttl");
        values.integer("retries", 0, 10);
        values.uri("address", "redis", "rediss");
        values.duration("timeout");
        values.string("absent");

        assertThatThrownBy(values::validate)
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("ttl has the malformed value 'ten minutes'")
                .hasMessageContaining("retries has the malformed value 'many'")
                .hasMessageContaining("address has the malformed value 'http://cache'")
                .hasMessageContaining("timeout must be positive")
                .hasMessageContaining("absent is not set");
    }

    @Test
    void cacheSettingsRefuseAMalformedTtlByName() {
        Map<String, String> config = TestCacheSettings.values("PT1M", "PT5S");
        assertThat(new CacheSettings(new MapConfig(config)).ttl(CacheRegion.ISSUES))
                .isEqualTo(Duration.ofMinutes(1));

        config.put("cache.ttl.issues", "10m");
        assertThatThrownBy(() -> new CacheSettings(new MapConfig(config)))
                .hasMessageContaining("cache.ttl.issues has the malformed value '10m'")
                .hasMessageContaining("CACHE_TTL_ISSUES");
    }

    @Test
    void aUrisPasswordNeverAppearsInAProblem() {
        ConfigValues values = new ConfigValues(new MapConfig(
                Map.of("address", "http://user:hunter2@cache:6379", "nodes", "redis://a:1,ftp://:hunter2@b:2")));
        values.uri("address", "redis", "rediss");
        values.uris("nodes", "redis", "rediss");

        assertThatThrownBy(values::validate)
                .hasMessageContaining("address has the malformed value 'http://user:****@cache:6379'")
                .hasMessageContaining("nodes has the malformed entry 'ftp://:****@b:2'")
                .message()
                .doesNotContain("hunter2");
    }

    @Test
    void redactsOnlyThePasswordOfAUri() {
        assertThat(ConfigValues.redacted("mongodb://u:p@ss@h1:1,h2:2/db?w=majority"))
                .isEqualTo("mongodb://u:****@h1:1,h2:2/db?w=majority");
        assertThat(ConfigValues.redacted("rediss://:secret@cache:6379")).isEqualTo("rediss://:****@cache:6379");
        assertThat(ConfigValues.redacted("mongodb://user@h/db")).isEqualTo("mongodb://user@h/db");
        assertThat(ConfigValues.redacted("redis://cache:6379/?a=b@c")).isEqualTo("redis://cache:6379/?a=b@c");
        assertThat(ConfigValues.redacted("not a uri")).isEqualTo("not a uri");
    }
}
