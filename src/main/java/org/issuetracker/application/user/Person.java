package org.issuetracker.application.user;

import java.util.Set;
import org.issuetracker.domain.user.Role;
import org.issuetracker.domain.user.User;

/** What the tracker shows and checks of a user: never the password hash, so it may be cached. */
public record Person(String username, String displayName, String email, Set<Role> roles, boolean active) {

    public static Person of(User user) {
        return new Person(user.username(), user.displayName(), user.email(), user.roles(), user.active());
    }

    /** Someone who is no longer in the user store: shown by username. */
    public static Person unknown(String username) {
        return new Person(username, username, null, Set.of(), false);
    }
}
