package org.issuetracker.application.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.issuetracker.application.operations.Monitored;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.shared.AuthenticationRequiredException;

/** The summary report, cached in the {@code reports} region; anyone who may read issues may read it. */
@Monitored
@ApplicationScoped
public class ReportService {

    @Inject
    ReportCalculator calculator;

    @Inject
    @ConfigProperty(name = "security.anonymous-read")
    boolean anonymousRead;

    public Summary summary(Actor actor) {
        if (!anonymousRead && !actor.isSignedIn()) {
            throw new AuthenticationRequiredException("Sign in to read reports");
        }
        return calculator.summary(LocalDate.now(ZoneOffset.UTC));
    }
}
