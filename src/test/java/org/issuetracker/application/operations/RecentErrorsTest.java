package org.issuetracker.application.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentErrorsTest {

    @Test
    void keepsTheLatestNewestFirst() {
        RecentErrors errors = new RecentErrors();
        for (int i = 0; i < RecentErrors.KEPT + 5; i++) {
            errors.record(RecentErrors.ServerError.of("GET", "/api/issues/" + i, 500, null, "incident-" + i));
        }

        assertThat(errors.latest()).hasSize(RecentErrors.KEPT);
        assertThat(errors.latest().get(0).incident()).isEqualTo("incident-" + (RecentErrors.KEPT + 4));
        assertThat(errors.latest().get(RecentErrors.KEPT - 1).incident()).isEqualTo("incident-5");
    }

    @Test
    void theExceptionsTypeAndFirstLineOnlyShortened() {
        IllegalStateException failure = new IllegalStateException("x".repeat(500) + "\nsecond line");

        RecentErrors.ServerError error = RecentErrors.ServerError.of("POST", "/issues/new.xhtml", 500, failure, null);

        assertThat(error.exception()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.message()).hasSize(301).endsWith("…").doesNotContain("second line");
        assertThat(error.at()).isNotNull();
    }
}
