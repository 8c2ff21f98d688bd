package org.issuetracker.application.operations;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This instance as people name it: the host name (in a container, the container's or pod's) and the process id. */
public final class InstanceName {

    private static final String LOCAL =
            hostName() + " (pid " + ProcessHandle.current().pid() + ")";

    private InstanceName() {}

    public static String local() {
        return LOCAL;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown host";
        }
    }
}
