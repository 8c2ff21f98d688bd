package org.issuetracker.domain.reference;

import java.util.List;

/** The two kinds of reference data, with what an empty database starts with. */
public enum ReferenceKind {
    CATEGORY(
            "category",
            List.of(
                    new Seed("Bug", "Something does not work as it should", false),
                    new Seed("Feature", "Something new the tracker's users need", false),
                    new Seed("Enhancement", "Something that works, made better", false),
                    new Seed("Question", "Something someone wants to know", false),
                    new Seed("Documentation", "Something missing or wrong in the documentation", false))),
    STATUS(
            "status",
            List.of(
                    new Seed("Open", "Filed, nobody is on it yet", false),
                    new Seed("In Progress", "Someone is working on it", false),
                    new Seed("Under Review", "A fix or answer is being checked", false),
                    new Seed("Resolved", "Fixed or answered", true),
                    new Seed("Closed", "Done with", true),
                    new Seed("Won't Fix", "Will not be done", true)));

    /** The status every new issue starts in. */
    public static final String INITIAL_STATUS = "Open";

    /** One item of the seed set. */
    public record Seed(String name, String description, boolean closed) {}

    private final String label;
    private final List<Seed> seeds;

    ReferenceKind(String label, List<Seed> seeds) {
        this.label = label;
        this.seeds = seeds;
    }

    /** How users call it: "category", "status". */
    public String label() {
        return label;
    }

    public List<Seed> seeds() {
        return seeds;
    }
}
