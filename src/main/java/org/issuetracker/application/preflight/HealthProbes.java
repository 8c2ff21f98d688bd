package org.issuetracker.application.preflight;

import java.util.List;
import java.util.Map;

/** The application's health checks by probe ({@code started}, {@code ready}, {@code live}), each called now. */
public interface HealthProbes {

    /** Per probe, its checks' names with their state ({@code UP}/{@code DOWN}); an empty list: none registered. */
    Map<String, List<ProbeState>> probes();

    record ProbeState(String name, boolean up) {}
}
