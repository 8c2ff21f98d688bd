package org.issuetracker.domain.shared;

/** Something asked for by its identity does not exist. */
public class NotFoundException extends RuntimeException {

    private final String kind;
    private final String id;

    public NotFoundException(String kind, String id) {
        this(kind, id, "No " + kind + " has the id '" + id + "'");
    }

    protected NotFoundException(String kind, String id, String message) {
        super(message);
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
