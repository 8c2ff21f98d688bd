package org.issuetracker.support.liberty;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registers {@link LibertyContainer} when the run targets OpenLiberty ({@code -Dit.server=liberty}, the Failsafe
 * execution of the Liberty suites, which also leaves Payara's adapter off the class path): Arquillian allows one
 * container implementation on the class path at a time.
 */
public class LibertyArquillianExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        if ("liberty".equals(System.getProperty("it.server"))) {
            builder.service(DeployableContainer.class, LibertyContainer.class);
        }
    }
}
