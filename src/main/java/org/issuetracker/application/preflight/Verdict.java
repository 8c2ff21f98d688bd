package org.issuetracker.application.preflight;

/** How an item of the checklist stands; the worst of them is the report's. */
public enum Verdict {
    PASS,
    WARN,
    FAIL;

    Verdict worst(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
