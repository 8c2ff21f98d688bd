package org.issuetracker.dev;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one way this project starts the packaged WAR on Payara Micro outside Arquillian (the dev launcher, the dev
 * cluster, the benchmark, the tests' extra instances): the build's JVM options, the given system properties,
 * loopback only (pre-boot commands), no phoning home, and either no clustering or membership of a loopback cluster.
 * The WAR and the Payara Micro jar come from the system properties {@code issuetracker.war} and
 * {@code payara.micro.jar} that Maven sets.
 */
public final class PayaraMicroCommand {

    private PayaraMicroCommand() {}

    /** A single instance; {@code systemProperties} are {@code -D} options without the {@code -D}. */
    public static List<String> of(int port, String contextRoot, List<String> systemProperties) {
        List<String> command = base(port, contextRoot, systemProperties);
        command.add("--nocluster");
        return command;
    }

    /**
     * A member of a Hazelcast cluster on loopback that replicates the HTTP sessions of the WAR, its name as the route
     * of the sessions it creates: TCP-IP discovery of the
     * members' fixed ports (no multicast), bound to 127.0.0.1 only, and the failure detection and split-brain merge
     * timings of {@code server-config/payara/cluster.properties}.
     */
    public static List<String> clustered(
            int port, String contextRoot, List<String> systemProperties, ClusterMember member) {
        List<String> properties = new ArrayList<>(systemProperties);
        // the session cookie ends with ".<name>": the load balancer sends a session to the instance that created it
        properties.add("jvmRoute=" + member.name());
        List<String> command = base(port, contextRoot, properties);
        command.addAll(List.of(
                "--name",
                member.name(),
                "--clustername",
                member.clusterName(),
                "--clustermode",
                "tcpip:"
                        + member.memberPorts().stream()
                                .map(memberPort -> "127.0.0.1:" + memberPort)
                                .collect(Collectors.joining(",")),
                "--startport",
                String.valueOf(member.hazelcastPort()),
                "--interfaces",
                "127.0.0.1",
                "--systemproperties",
                serverConfig("cluster.properties")));
        return command;
    }

    private static List<String> base(int port, String contextRoot, List<String> systemProperties) {
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
                "--disablephonehome",
                "--prebootcommandfile",
                serverConfig("pre-boot-commands.asadmin")));
        return command;
    }

    private static String serverConfig(String file) {
        return Path.of("server-config", "payara", file).toAbsolutePath().toString();
    }

    /**
     * One member of a loopback cluster: its name (unique in the cluster), the cluster's name (unique on the machine,
     * so that no other Payara joins), its own Hazelcast port and every member's.
     */
    public record ClusterMember(String name, String clusterName, int hazelcastPort, List<Integer> memberPorts) {}
}
