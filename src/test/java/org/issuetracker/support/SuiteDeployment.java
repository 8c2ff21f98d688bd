package org.issuetracker.support;

import org.eu.ingwar.tools.arquillian.extension.suite.annotations.ArquillianSuiteDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment every Arquillian class shares: deployed once per test run, so the whole suite pays for one Payara
 * Micro boot (about 25 s here) instead of one per class. The price is that the classes share one application: each
 * test makes its own users and issues (unique names), and compares counters before and after rather than with a
 * fresh start. A test that needs a fresh or differently configured server starts its own ({@link SecondInstance}).
 */
@ArquillianSuiteDeployment
public final class SuiteDeployment {

    private SuiteDeployment() {}

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.issueTracker();
    }
}
