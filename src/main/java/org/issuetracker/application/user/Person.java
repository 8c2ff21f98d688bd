package org.issuetracker.application.user;

import java.time.Instant;
import java.util.Set;
import org.issuetracker.domain.user.Role;
import org.issuetracker.domain.user.User;

/**
 * What the tracker shows and checks of a user: never the password hash, so it may be cached. {@code
 * passwordChangeRequired} and {@code credentialsChangedAt} are the account's (see {@link User}): what decides
 * whether a signed-in session may go on.
 */
public record Person(
        String username,
        String displayName,
        String email,
        Set<Role> roles,
        boolean active,
        boolean passwordChangeRequired,
        Instant credentialsChangedAt) {

    public static Person of(User user) {
        return new Person(
                user.username(),
                user.displayName(),
                user.email(),
                user.roles(),
                user.active(),
                user.passwordChangeRequired(),
                user.credentialsChangedAt());
    }

    /** Someone who is no longer in the user store: shown by username. */
    public static Person unknown(String username) {
        return new Person(username, username, null, Set.of(), false, false, null);
    }

    /** Whether a session signed in at {@code signedInAt} is still this account's: no password change or deactivation since. */
    public boolean sessionStillValid(Instant signedInAt) {
        return active
                && (credentialsChangedAt == null || (signedInAt != null && !signedInAt.isBefore(credentialsChangedAt)));
    }
}
