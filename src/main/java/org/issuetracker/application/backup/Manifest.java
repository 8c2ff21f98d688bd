package org.issuetracker.application.backup;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an archive holds: per collection, the number of documents and a SHA-256 of their canonical extended JSON in
 * {@code _id} order. Two databases with equal collection summaries hold the same documents.
 */
public record Manifest(
        String format, int version, String database, Instant createdAt, List<CollectionSummary> collections) {

    public static final String FORMAT = "issuetracker-backup";
    public static final int VERSION = 1;

    public Manifest {
        collections = List.copyOf(collections);
    }

    /** One collection: its name, how many documents, and the hash of their content. */
    public record CollectionSummary(String name, long count, String sha256) {}

    public long documents() {
        return collections.stream().mapToLong(CollectionSummary::count).sum();
    }

    /** Whether both describe the same documents (where and when they were taken aside). */
    public boolean sameContentAs(Manifest other) {
        return Objects.equals(collections, other.collections);
    }

    /** The collections whose count or hash differs from {@code other}'s, or that only one of the two has. */
    public List<String> differencesFrom(Manifest other) {
        var names = new java.util.TreeSet<String>();
        collections.forEach(c -> names.add(c.name()));
        other.collections.forEach(c -> names.add(c.name()));
        return names.stream()
                .filter(name -> !Objects.equals(summary(name), other.summary(name)))
                .toList();
    }

    private CollectionSummary summary(String name) {
        return collections.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElse(null);
    }
}
