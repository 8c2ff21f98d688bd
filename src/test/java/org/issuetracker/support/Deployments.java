package org.issuetracker.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment builder: the WAR the build has just packaged, exactly as it ships, so that the tests exercise
 * the real artifact (its libraries, descriptors and configuration defaults).
 */
public final class Deployments {

    private Deployments() {}

    public static WebArchive issueTracker() {
        File war = new File(System.getProperty("issuetracker.war", "target/issuetracker.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " does not exist: run the integration tests with `mvn verify`");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
