package org.issuetracker.domain.user;

/** The form of a username: 3 to 32 lower-case letters, digits, dots, dashes or underscores. */
public final class Usernames {

    public static final String PATTERN = "[a-z0-9][a-z0-9._-]{2,31}";

    private Usernames() {}

    /** Whether some username could start with this prefix (white space around it and upper case aside). */
    public static boolean couldStart(String prefix) {
        return prefix.strip().toLowerCase(java.util.Locale.ROOT).matches("[a-z0-9._-]*");
    }
}
