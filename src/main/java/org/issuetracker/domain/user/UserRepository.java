package org.issuetracker.domain.user;

import java.util.Optional;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;

/** Where accounts are kept. */
public interface UserRepository {

    /** Stores a new account; a taken username is a {@link org.issuetracker.domain.shared.ConflictException}. */
    User add(User user);

    Optional<User> find(String username);

    Optional<User> replace(User changed, long expectedVersion);

    /** The users whose username starts with the prefix (all for {@code null} or blank), by username. */
    Page<User> list(String usernamePrefix, PageRequest page);

    long count();
}
