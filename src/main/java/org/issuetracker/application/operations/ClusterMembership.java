package org.issuetracker.application.operations;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The cluster this instance replicates its HTTP sessions with, as the replication itself sees it (on Payara: its
 * Hazelcast data grid). Answered from this instance's own view: the gauges never wait for another member, and the
 * full status waits at most half a second per member for its name, so a hung member never hangs a scrape and delays
 * the operations page by a bounded time.
 */
public interface ClusterMembership {

    ClusterStatus status();

    /** How many members this instance sees now; cheap enough for a gauge read at every scrape. */
    default int memberCount() {
        return status().size();
    }

    /** Whether the server replicates the HTTP sessions itself (Payara's data grid), so that there is a cluster. */
    default boolean replicatesSessions() {
        return false;
    }

    /** This instance's copies of the replicated sessions (null when unknown); cheap enough for a gauge. */
    default SessionCopies sessionCopies() {
        return null;
    }

    /**
     * When this instance was last split off from its cluster, or empty: when it merged back after a split (a network
     * partition healed, or the other side was the one split off), or when it was itself paused longer than the
     * cluster waits for a silent member (a hung process resumed, a long GC pause), and so was removed. The server keeps
     * its own in-memory copies of the sessions it served; after a split they may differ from the cluster's under the
     * same version, so such an instance should be restarted, which loses no session (its liveness says so).
     */
    default Optional<Instant> rejoinedAfterSplit() {
        return Optional.empty();
    }

    /**
     * {@code replication} names the mechanism ({@code hazelcast}, or {@code none} when the server replicates
     * nothing itself, such as one that keeps its sessions in an external session cache); {@code members} are the instances this
     * one sees, itself included; {@code sessions} is what this instance holds of the replicated sessions (null when
     * unknown); {@code backupsInSync} says whether every session has its backup copy on another member (null when
     * unknown or not asked); {@code rejoinedAfterSplit} is when this instance merged back after a split (null if
     * never: see {@link #rejoinedAfterSplit()}).
     */
    record ClusterStatus(
            String replication,
            String clusterName,
            List<Member> members,
            SessionCopies sessions,
            Boolean backupsInSync,
            Instant rejoinedAfterSplit) {

        public static ClusterStatus standalone(String instance) {
            return new ClusterStatus("none", null, List.of(new Member(instance, null, true)), null, null, null);
        }

        public int size() {
            return members.size();
        }
    }

    /** A member: its name, its replication address, and whether it is the instance that answered. */
    record Member(String name, String address, boolean local) {}

    /**
     * The sessions whose primary copy this instance holds ({@code owned}), the backup copies of other members'
     * sessions it holds ({@code backups}), and the memory the owned copies take, serialized.
     */
    record SessionCopies(long owned, long backups, long ownedBytes) {

        /** The average size of a serialized session here, in bytes (0 when there is none). */
        public long averageBytes() {
            return owned == 0 ? 0 : ownedBytes / owned;
        }
    }
}
