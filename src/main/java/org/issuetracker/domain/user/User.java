package org.issuetracker.domain.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An account. The username never changes (it is how issues and comments name their authors); the display name
 * may. {@code passwordHash} is a Jakarta Security PBKDF2 hash, never the password.
 */
public record User(
        String username,
        String displayName,
        String email,
        Set<Role> roles,
        boolean active,
        String passwordHash,
        Instant createdAt,
        Instant modifiedAt,
        long version) {

    public User {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        roles = Set.copyOf(roles);
    }

    public User with(UserChanges changes, String newPasswordHash, Instant now) {
        return new User(
                username,
                changes.displayName(),
                changes.email(),
                changes.roles(),
                changes.active(),
                newPasswordHash == null ? passwordHash : newPasswordHash,
                createdAt,
                now,
                version);
    }
}
