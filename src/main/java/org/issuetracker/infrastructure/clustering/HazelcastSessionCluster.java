package org.issuetracker.infrastructure.clustering;

import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MergePolicyConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.map.LocalMapStats;
import com.hazelcast.spi.merge.LatestUpdateMergePolicy;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.issuetracker.application.operations.ClusterMembership;
import org.issuetracker.application.operations.ClusterMembership.ClusterStatus;
import org.issuetracker.application.operations.ClusterMembership.SessionCopies;

/**
 * Payara's Hazelcast data grid, which holds the replicated HTTP sessions: the members this instance sees, and this
 * instance's share of the session map. Payara names that map after the web module's context path ({@code ""} at
 * the root) and keeps one synchronous backup of each session on another member.
 *
 * <p>Not a CDI bean, and created only where Hazelcast exists ({@link ClusterMembershipProducer}): on a server
 * without it, no class here is ever loaded.
 */
final class HazelcastSessionCluster implements ClusterMembership, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HazelcastSessionCluster.class.getName());

    /** Payara's map of member attributes (HazelcastCore.INSTANCE_ATTRIBUTE_MAP) and its name entry. */
    private static final String PAYARA_INSTANCES = "payara-instance-map";

    private static final String PAYARA_INSTANCE_NAME = "GLASSFISH-INSTANCE";
    private static final long NAME_DEADLINE_MILLIS = 500;

    private final HazelcastInstance hazelcast;
    private final String sessionMap;
    private final UUID mergeListener;
    private final ScheduledExecutorService pauseWatch;
    private volatile Instant mergedAt;
    private volatile long lastTick = System.nanoTime();
    private volatile boolean hadCompany;

    HazelcastSessionCluster(Object hazelcast, String contextPath) {
        this.hazelcast = (HazelcastInstance) hazelcast;
        this.sessionMap = contextPath;
        keepTheNewestCopyAfterASplit();
        this.mergeListener = this.hazelcast.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
                splitOff("merged back into its cluster after a split");
            }
        });
        // A paused process (SIGSTOP, a hung VM, a long GC pause) cannot notice anything while paused: it notices
        // afterwards that a tick came far too late. Longer than the cluster waits for a silent member means the
        // others removed it, and served its users from their own copies meanwhile.
        long allowedSilence = TimeUnit.SECONDS.toNanos(Long.getLong("hazelcast.max.no.heartbeat.seconds", 60));
        pauseWatch = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "cluster-pause-watch");
            thread.setDaemon(true);
            return thread;
        });
        pauseWatch.scheduleAtFixedRate(
                () -> {
                    long now = System.nanoTime();
                    if (now - lastTick > allowedSilence && hadCompany) {
                        splitOff("was paused for " + TimeUnit.NANOSECONDS.toSeconds(now - lastTick) + " s");
                    }
                    lastTick = now;
                    hadCompany = memberCount() > 1;
                },
                1,
                1,
                TimeUnit.SECONDS);
    }

    /**
     * When a split heals, Hazelcast merges the smaller side's entries into the bigger side's, by default only where
     * the bigger side has none (PutIfAbsent). With two members the sides are equal and either may "win": the copies
     * of a member that was hung would then replace the newer ones the other served meanwhile, and users' forms would
     * no longer match their sessions. Per session, the copy written last is kept instead. Payara creates the map
     * with the default configuration; this adds the map's own before it is first used, on every member alike.
     */
    private void keepTheNewestCopyAfterASplit() {
        MapConfig sessions = new MapConfig(sessionMap)
                .setBackupCount(1)
                .setPerEntryStatsEnabled(true)
                .setMergePolicyConfig(new MergePolicyConfig(
                        LatestUpdateMergePolicy.class.getName(), MergePolicyConfig.DEFAULT_BATCH_SIZE));
        try {
            hazelcast.getConfig().addMapConfig(sessions);
            LOG.info("After a split, the session map keeps each session's newest copy ("
                    + hazelcast
                            .getConfig()
                            .findMapConfig(sessionMap)
                            .getMergePolicyConfig()
                            .getPolicy() + ")");
        } catch (RuntimeException conflicting) {
            LOG.warning("The session map keeps Hazelcast's default merge policy (" + conflicting
                    + "): after a split, a hung member's older copies may replace newer ones");
        }
    }

    private void splitOff(String what) {
        mergedAt = Instant.now();
        LOG.warning("This instance " + what + ": its in-memory copies of the sessions may differ from the"
                + " cluster's, so its liveness probe now asks for a restart (no session is lost)");
    }

    @Override
    public boolean replicatesSessions() {
        return true;
    }

    @Override
    public Optional<Instant> rejoinedAfterSplit() {
        return Optional.ofNullable(mergedAt);
    }

    @Override
    public void close() {
        pauseWatch.shutdownNow();
        hazelcast.getLifecycleService().removeLifecycleListener(mergeListener);
    }

    @Override
    public ClusterStatus status() {
        com.hazelcast.cluster.Member local = hazelcast.getCluster().getLocalMember();
        List<ClusterMembership.Member> members = hazelcast.getCluster().getMembers().stream()
                .map(member -> new ClusterMembership.Member(
                        name(member),
                        member.getAddress().getHost() + ":"
                                + member.getAddress().getPort(),
                        member.equals(local)))
                .sorted(Comparator.comparing(ClusterMembership.Member::name))
                .toList();
        return new ClusterStatus(
                "hazelcast",
                hazelcast.getConfig().getClusterName(),
                members,
                sessionCopies(),
                backupsInSync(),
                mergedAt);
    }

    @Override
    public int memberCount() {
        return hazelcast.getCluster().getMembers().size();
    }

    /** From this member's own statistics of the session map, without asking the others. */
    @Override
    public SessionCopies sessionCopies() {
        LocalMapStats sessions = hazelcast.getMap(sessionMap).getLocalMapStats();
        return new SessionCopies(
                sessions.getOwnedEntryCount(), sessions.getBackupEntryCount(), sessions.getOwnedEntryMemoryCost());
    }

    /**
     * Whether no partition is migrating and every one has its backup on another member. Asked of this member's own
     * partition table only (a cluster-wide check would wait for a hung member); a lone member has no backups.
     */
    private Boolean backupsInSync() {
        if (hazelcast.getCluster().getMembers().size() < 2) {
            return null; // alone: nothing to back up to (a single instance, or the others are gone)
        }
        return hazelcast.getPartitionService().isLocalMemberSafe();
    }

    /**
     * The instance name Payara gave the member ({@code --name}, or a generated one), which Payara keeps in a map of
     * its own; asked with a short deadline, since the entry may live on a member that does not answer.
     */
    @SuppressWarnings("unchecked")
    private String name(com.hazelcast.cluster.Member member) {
        try {
            Object attributes = hazelcast
                    .getMap(PAYARA_INSTANCES)
                    .getAsync(member.getUuid())
                    .toCompletableFuture()
                    .get(NAME_DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
            if (attributes instanceof Map<?, ?> map && map.get(PAYARA_INSTANCE_NAME) instanceof String name) {
                return name;
            }
        } catch (TimeoutException | ExecutionException | RuntimeException unknown) {
            // named by its address below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return member.getAddress().getHost() + ":" + member.getAddress().getPort();
    }
}
