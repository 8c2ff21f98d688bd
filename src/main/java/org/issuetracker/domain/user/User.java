package org.issuetracker.domain.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An account. The username never changes (it is how issues and comments name their authors); the display name
 * may. {@code passwordHash} is a Jakarta Security PBKDF2 hash, never the password. {@code passwordChangeRequired}:
 * the password was given by someone else (an administrator's temporary one, the generated first one) and must be
 * changed before anything else. {@code credentialsChangedAt}: when the password was last changed or the account
 * deactivated; sessions signed in before it are over ({@code null}: never since it was created).
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
        long version,
        boolean passwordChangeRequired,
        Instant credentialsChangedAt) {

    /** An account whose password was chosen by its user and never changed since. */
    public User(
            String username,
            String displayName,
            String email,
            Set<Role> roles,
            boolean active,
            String passwordHash,
            Instant createdAt,
            Instant modifiedAt,
            long version) {
        this(username, displayName, email, roles, active, passwordHash, createdAt, modifiedAt, version, false, null);
    }

    public User {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        roles = Set.copyOf(roles);
    }

    /**
     * The account as an admin changed it. A new password from the admin is temporary (to be changed at the next
     * sign-in) unless the admin changed their own; a new password or a deactivation ends the account's sessions.
     */
    public User with(UserChanges changes, String newPasswordHash, Instant now, boolean temporaryPassword) {
        boolean newPassword = newPasswordHash != null;
        boolean deactivated = active && !changes.active();
        return new User(
                username,
                changes.displayName(),
                changes.email(),
                changes.roles(),
                changes.active(),
                newPassword ? newPasswordHash : passwordHash,
                createdAt,
                now,
                version,
                newPassword ? temporaryPassword : passwordChangeRequired,
                newPassword || deactivated ? now : credentialsChangedAt);
    }

    /** The account with the password its user chose: no longer temporary; the other sessions are over. */
    public User withOwnPassword(String newPasswordHash, Instant now) {
        return new User(
                username, displayName, email, roles, active, newPasswordHash, createdAt, now, version, false, now);
    }

    /** The account with the same password hashed again (stronger parameters): nothing else changes. */
    public User rehashed(String newPasswordHash) {
        return new User(
                username,
                displayName,
                email,
                roles,
                active,
                newPasswordHash,
                createdAt,
                modifiedAt,
                version,
                passwordChangeRequired,
                credentialsChangedAt);
    }

    /** The account deactivated (or unchanged if it was already): its sessions are over, even if reactivated. */
    public User deactivated(Instant now) {
        return active
                ? new User(
                        username,
                        displayName,
                        email,
                        roles,
                        false,
                        passwordHash,
                        createdAt,
                        now,
                        version,
                        passwordChangeRequired,
                        now)
                : this;
    }
}
