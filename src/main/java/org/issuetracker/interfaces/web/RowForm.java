package org.issuetracker.interfaces.web;

/**
 * What the one-form-per-row pages (approvals, categories and statuses, users, comments) share: each row's form names
 * its record by id and carries the version that was shown, in hidden fields, so that an action lands on that record
 * and never overwrites a change the user has not seen.
 */
public final class RowForm {

    private RowForm() {}

    /** The version a row's form carried; {@code null} (no check) if it is missing or not a number. */
    public static Long version(String text) {
        try {
            return text == null ? null : Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
