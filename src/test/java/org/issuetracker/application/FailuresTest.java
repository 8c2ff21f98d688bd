package org.issuetracker.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoTimeoutException;
import jakarta.validation.ConstraintViolationException;
import java.util.Set;
import org.issuetracker.domain.issue.IssueId;
import org.issuetracker.domain.issue.IssueNotFoundException;
import org.issuetracker.domain.shared.AccessDeniedException;
import org.issuetracker.domain.shared.StaleVersionException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void theDomainsExceptionsAndValidationAreCallersMistakes() {
        assertThat(Failures.isClientMistake(new IssueNotFoundException(IssueId.parse("6560f1e2a1b2c3d4e5f60718"))))
                .isTrue();
        assertThat(Failures.isClientMistake(new AccessDeniedException("no"))).isTrue();
        assertThat(Failures.isClientMistake(new StaleVersionException("issue", 2, 3)))
                .isTrue();
        assertThat(Failures.isClientMistake(new ConstraintViolationException(Set.of())))
                .isTrue();
    }

    @Test
    void everythingElseIsTheServers() {
        assertThat(Failures.isClientMistake(new MongoTimeoutException("no server")))
                .isFalse();
        assertThat(Failures.isClientMistake(new NullPointerException())).isFalse();
        assertThat(Failures.isClientMistake(new IllegalStateException())).isFalse();
    }
}
