package org.issuetracker.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AddressRateLimitTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void anAddressGetsItsBurstThenWaitsForTheNextToken() {
        AddressRateLimit limit = new AddressRateLimit(3);

        assertThat(limit.take("10.0.0.1", T0)).isEmpty();
        assertThat(limit.take("10.0.0.1", T0)).isEmpty();
        assertThat(limit.take("10.0.0.1", T0)).isEmpty();

        assertThat(limit.take("10.0.0.1", T0.plusSeconds(5))).hasValue(Duration.ofSeconds(15));
        assertThat(limit.take("10.0.0.1", T0.plusSeconds(20))).isEmpty();
        assertThat(limit.take("10.0.0.1", T0.plusSeconds(21))).hasValue(Duration.ofSeconds(19));
    }

    @Test
    void anotherAddressHasItsOwnAllowance() {
        AddressRateLimit limit = new AddressRateLimit(1);
        limit.take("10.0.0.1", T0);

        assertThat(limit.take("10.0.0.1", T0)).isPresent();
        assertThat(limit.take("10.0.0.2", T0)).isEmpty();
    }

    @Test
    void aQuietAddressEarnsItsWholeBurstBackButNoMore() {
        AddressRateLimit limit = new AddressRateLimit(2);
        limit.take("10.0.0.1", T0);
        limit.take("10.0.0.1", T0);

        Instant later = T0.plus(Duration.ofHours(1));
        assertThat(limit.take("10.0.0.1", later)).isEmpty();
        assertThat(limit.take("10.0.0.1", later)).isEmpty();
        assertThat(limit.take("10.0.0.1", later)).isPresent();
    }

    @Test
    void idleAddressesAreForgottenSoManyClientsCannotFillTheMemory() {
        AddressRateLimit limit = new AddressRateLimit(5);
        for (int i = 0; i <= AddressRateLimit.MAX_TRACKED; i++) {
            limit.take("10.1." + (i / 256) + "." + (i % 256), T0);
        }

        limit.take("10.9.9.9", T0.plus(Duration.ofMinutes(2)));

        assertThat(limit.tracked()).isEqualTo(1);
    }
}
