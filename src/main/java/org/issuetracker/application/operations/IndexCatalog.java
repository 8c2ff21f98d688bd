package org.issuetracker.application.operations;

import java.util.List;

/** The database's indexes, per collection, against those the application's queries need. */
public interface IndexCatalog {

    /** Asks the database now; throws if it cannot be reached. */
    List<CollectionIndexes> indexes();

    /**
     * One collection: the indexes it has; the names of those the application needs but it lacks; and of those it
     * has under the right name but with other keys or uniqueness (creating them again would fail).
     */
    record CollectionIndexes(String collection, List<Index> present, List<String> missing, List<String> different) {}

    /** An index: its name, its keys as the database shows them ({@code {"author": 1, "createdAt": 1}}), unique. */
    record Index(String name, String keys, boolean unique) {}
}
