package org.issuetracker.application.operations;

import jakarta.enterprise.context.RequestScoped;

/**
 * The failure behind this request's 5xx answer and the incident id it was logged under, noted by whoever turned it
 * into a response (the API's exception mappers), for {@link RecentErrors}.
 */
@RequestScoped
public class RequestFailure {

    private Throwable failure;
    private String incident;

    public void note(Throwable failure, String incident) {
        this.failure = failure;
        this.incident = incident;
    }

    public Throwable failure() {
        return failure;
    }

    public String incident() {
        return incident;
    }
}
