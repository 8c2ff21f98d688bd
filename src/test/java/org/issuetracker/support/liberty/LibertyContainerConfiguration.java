package org.issuetracker.support.liberty;

import java.util.Arrays;
import java.util.List;
import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/**
 * The {@code liberty} container of arquillian.xml: the application settings as space-separated {@code -Dkey=value}
 * options (the same string the Payara container gets, {@code it.application.options} in the pom) and how long a
 * boot may take.
 */
public class LibertyContainerConfiguration implements ContainerConfiguration {

    private String applicationOptions = "";
    private int startupTimeoutInSeconds = 240;

    public String getApplicationOptions() {
        return applicationOptions;
    }

    public void setApplicationOptions(String applicationOptions) {
        this.applicationOptions = applicationOptions;
    }

    /** The options as {@code key=value}, without their {@code -D}. */
    public List<String> properties() {
        return Arrays.stream(applicationOptions.trim().split("\\s+"))
                .filter(option -> !option.isEmpty())
                .map(option -> option.substring(2))
                .toList();
    }

    public int getStartupTimeoutInSeconds() {
        return startupTimeoutInSeconds;
    }

    public void setStartupTimeoutInSeconds(int startupTimeoutInSeconds) {
        this.startupTimeoutInSeconds = startupTimeoutInSeconds;
    }

    @Override
    public void validate() throws ConfigurationException {
        for (String option : applicationOptions.trim().split("\\s+")) {
            if (!option.isEmpty() && (!option.startsWith("-D") || option.indexOf('=') < 3)) {
                throw new ConfigurationException("Not -Dkey=value: " + option);
            }
        }
        if (startupTimeoutInSeconds < 1) {
            throw new ConfigurationException("startupTimeoutInSeconds must be positive");
        }
    }
}
