package org.issuetracker.application.operations;

import java.util.List;

/** The application's dependencies, asked now whether they answer (each within its health-check timeout). */
public interface DependencyHealth {

    List<DependencyStatus> check();

    /**
     * One dependency: {@code state} is {@code UP}, {@code DOWN} (a required one that does not answer: the instance is
     * not ready) or {@code DEGRADED} (an optional one: requests are served without it); {@code error} says why.
     */
    record DependencyStatus(String name, String state, boolean required, long latencyMillis, String error) {}
}
