package org.issuetracker.application.caching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CacheCircuitBreakerTest {

    private static CacheCircuitBreaker breaker(String openFor) {
        return new CacheCircuitBreaker(TestCacheSettings.of("PT1M", openFor));
    }

    @Test
    void closedBreakerLetsEveryCallThrough() {
        CacheCircuitBreaker breaker = breaker("PT5S");
        assertThat(breaker.allowsCalls()).isTrue();
        assertThat(breaker.allowsCalls()).isTrue();
        assertThat(breaker.isOpen()).isFalse();
    }

    @Test
    void failureOpensItUntilTheWaitIsOver() {
        CacheCircuitBreaker breaker = breaker("PT1H");
        breaker.recordFailure(new IllegalStateException("down"));
        assertThat(breaker.isOpen()).isTrue();
        assertThat(breaker.allowsCalls()).isFalse();
    }

    @Test
    void afterTheWaitOneTrialAtATimeAndSuccessClosesIt() throws InterruptedException {
        CacheCircuitBreaker breaker = breaker("PT0.05S");
        breaker.recordFailure(new IllegalStateException("down"));
        Thread.sleep(80);

        assertThat(breaker.allowsCalls()).as("the trial").isTrue();
        assertThat(breaker.allowsCalls()).as("a second caller during the trial").isFalse();
        breaker.recordSuccess();
        assertThat(breaker.isOpen()).isFalse();
        assertThat(breaker.allowsCalls()).isTrue();
    }

    @Test
    void failedTrialOpensItAgain() throws InterruptedException {
        CacheCircuitBreaker breaker = breaker("PT0.05S");
        breaker.recordFailure(new IllegalStateException("down"));
        Thread.sleep(80);
        assertThat(breaker.allowsCalls()).isTrue();
        breaker.recordFailure(new IllegalStateException("still down"));
        assertThat(breaker.allowsCalls()).isFalse();
    }
}
