package org.issuetracker.domain.user;

/** Turns passwords into hashes that can be stored, and checks a password against one. */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String hash);
}
