package org.issuetracker.support.liberty;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import org.issuetracker.dev.LibertyServer;
import org.issuetracker.dev.ServerProcess;
import org.issuetracker.support.RedisServers;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * Arquillian's managed OpenLiberty for this project's black-box suites: deploying boots a Liberty laid out by
 * {@link LibertyServer} exactly as {@code mvn -Pliberty} and the container image run it (the shipped
 * {@code server.xml}, its HTTP sessions in Redis), with the deployment as its application, on a free loopback port;
 * undeploying stops it. The tests reach it over HTTP only ({@code @Deployment(testable = false)}).
 *
 * <p>OpenLiberty's own Arquillian adapter deploys through its own {@code <application>} element (or dropins), which
 * would replace the shipped application element and its class loader settings; this container keeps them.
 */
public class LibertyContainer implements DeployableContainer<LibertyContainerConfiguration> {

    private static final String CONTEXT_ROOT = "/issuetracker";

    private LibertyContainerConfiguration configuration;
    private ServerProcess server;

    @Override
    public Class<LibertyContainerConfiguration> getConfigurationClass() {
        return LibertyContainerConfiguration.class;
    }

    @Override
    public void setup(LibertyContainerConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Servlet 6.0");
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        LibertyServer liberty = LibertyServer.prepare("issuetracker-it");
        File war =
                liberty.directory().resolve("apps").resolve("issuetracker.war").toFile();
        archive.as(ZipExporter.class).exportTo(war, true);
        int port = RedisServers.freePort();
        // under /issuetracker, as Payara's Arquillian container deploys it: the tests see the same addresses
        server = liberty.start(
                port, CONTEXT_ROOT, configuration.properties(), Path.of("target", "liberty-it.log"), true);
        try {
            server.awaitProbe("started", Duration.ofSeconds(configuration.getStartupTimeoutInSeconds()));
        } catch (IllegalStateException e) {
            server.kill();
            throw new DeploymentException("OpenLiberty did not start the application: " + e.getMessage(), e);
        }
        HTTPContext context = new HTTPContext("127.0.0.1", port);
        context.add(new Servlet("default", CONTEXT_ROOT));
        return new ProtocolMetaData().addContext(context);
    }

    @Override
    public void undeploy(Archive<?> archive) {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
