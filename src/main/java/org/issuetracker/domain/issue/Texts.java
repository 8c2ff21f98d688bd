package org.issuetracker.domain.issue;

/** How free text typed by users is kept. */
public final class Texts {

    private Texts() {}

    /** Strips surrounding white space; nothing but white space is nothing ({@code null}). */
    public static String normalize(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
