package org.issuetracker.application.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.issuetracker.application.caching.CacheRegion;
import org.issuetracker.application.caching.CachedIn;
import org.issuetracker.domain.user.UserRepository;

/** Users' public profiles, read through the {@code users} cache region. */
@ApplicationScoped
public class PersonLookup {

    @Inject
    UserRepository users;

    /** The person with that username; {@link Person#unknown} if there is none. */
    @CachedIn(CacheRegion.USERS)
    public Person find(String username) {
        return users.find(username).map(Person::of).orElseGet(() -> Person.unknown(username));
    }
}
