package org.issuetracker.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;
import org.issuetracker.application.preflight.HealthProbes;

/** The application's MicroProfile Health checks per probe, found as CDI beans and called as the server calls them. */
@ApplicationScoped
public class MicroProfileHealthProbes implements HealthProbes {

    @Inject
    @Any
    Instance<HealthCheck> checks;

    @Override
    public Map<String, List<ProbeState>> probes() {
        Map<String, List<ProbeState>> probes = new LinkedHashMap<>();
        probes.put("started", states(Startup.Literal.INSTANCE));
        probes.put("ready", states(Readiness.Literal.INSTANCE));
        probes.put("live", states(Liveness.Literal.INSTANCE));
        return probes;
    }

    private List<ProbeState> states(Annotation probe) {
        List<ProbeState> states = new ArrayList<>();
        for (HealthCheck check : checks.select(probe)) {
            HealthCheckResponse response;
            try {
                response = check.call();
            } catch (RuntimeException e) {
                response = HealthCheckResponse.down(check.getClass().getSimpleName());
            }
            states.add(new ProbeState(response.getName(), response.getStatus() == HealthCheckResponse.Status.UP));
        }
        return states;
    }
}
