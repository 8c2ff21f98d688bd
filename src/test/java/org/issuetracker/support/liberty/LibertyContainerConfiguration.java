package org.issuetracker.support.liberty;

import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/**
 * The {@code liberty} container of arquillian.xml: the application properties (space-separated {@code key=value},
 * the same values the Payara container gets as {@code -D} options) and how long a boot may take.
 */
public class LibertyContainerConfiguration implements ContainerConfiguration {

    private String properties = "";
    private int startupTimeoutInSeconds = 240;

    public String getProperties() {
        return properties;
    }

    public void setProperties(String properties) {
        this.properties = properties;
    }

    public int getStartupTimeoutInSeconds() {
        return startupTimeoutInSeconds;
    }

    public void setStartupTimeoutInSeconds(int startupTimeoutInSeconds) {
        this.startupTimeoutInSeconds = startupTimeoutInSeconds;
    }

    @Override
    public void validate() throws ConfigurationException {
        for (String property : properties.trim().split("\\s+")) {
            if (!property.isEmpty() && property.indexOf('=') < 1) {
                throw new ConfigurationException("Not key=value: " + property);
            }
        }
        if (startupTimeoutInSeconds < 1) {
            throw new ConfigurationException("startupTimeoutInSeconds must be positive");
        }
    }
}
