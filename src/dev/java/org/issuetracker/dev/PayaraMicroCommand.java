package org.issuetracker.dev;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way this project starts the packaged WAR on Payara Micro outside Arquillian (the dev launcher, the
 * benchmark, the two-instance test): the build's JVM options, the given system properties, loopback only
 * (pre-boot commands), no clustering, no phoning home. The WAR and the Payara Micro jar come from the system
 * properties {@code issuetracker.war} and {@code payara.micro.jar} that Maven sets.
 */
public final class PayaraMicroCommand {

    private PayaraMicroCommand() {}

    /** The command line; {@code systemProperties} are {@code -D} options without the {@code -D}. */
    public static List<String> of(int port, String contextRoot, List<String> systemProperties) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : System.getProperty("payara.jvm.options", "").trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        systemProperties.forEach(property -> command.add("-D" + property));
        command.addAll(List.of(
                "-jar",
                System.getProperty("payara.micro.jar"),
                "--deploy",
                System.getProperty("issuetracker.war"),
                "--contextroot",
                contextRoot,
                "--port",
                String.valueOf(port),
                "--nocluster",
                "--disablephonehome",
                "--prebootcommandfile",
                Path.of("server-config", "payara", "pre-boot-commands.asadmin")
                        .toAbsolutePath()
                        .toString()));
        return command;
    }
}
