package org.issuetracker.domain.user;

import org.issuetracker.domain.shared.NotFoundException;

/** No account has that username. */
public class UserNotFoundException extends NotFoundException {

    public UserNotFoundException(String username) {
        super("user", username, "No user has the username '" + username + "'");
    }
}
