package org.issuetracker.domain.user;

/** The form of a username: 3 to 32 lower-case letters, digits, dots, dashes or underscores. */
public final class Usernames {

    public static final String PATTERN = "[a-z0-9][a-z0-9._-]{2,31}";

    private Usernames() {}
}
