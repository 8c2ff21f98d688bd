package org.issuetracker.domain.user;

/** Turns passwords into hashes that can be stored, and checks a password against one. */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String hash);

    /** Whether a stored hash was made with weaker parameters than new ones are: it is made again at the next sign-in. */
    default boolean outdated(String hash) {
        return false;
    }
}
