package org.issuetracker.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.issuetracker.application.user.Person;
import org.issuetracker.application.user.PersonLookup;
import org.issuetracker.application.user.TokenGrant;
import org.issuetracker.application.user.TokenLookup;
import org.issuetracker.application.user.TokenSecrets;
import org.issuetracker.application.user.TokenUse;
import org.issuetracker.domain.user.Role;

/**
 * Checks an {@code Authorization: Bearer} API token: its form, then its digest through the cache (one Redis read
 * when warm, one indexed MongoDB find when not), its expiry and its owner. No password hash is involved, so a token
 * costs about what an anonymous request costs.
 *
 * <p>A token stands for its owner with the owner's current roles, and only while the owner's credentials are those
 * it was made under: a deactivation or a password change (what someone does who fears their account is taken) ends
 * every token made before it, as it ends the account's sessions, and a reactivation does not bring them back.
 */
@ApplicationScoped
public class BearerTokens {

    @Inject
    TokenLookup lookup;

    @Inject
    PersonLookup people;

    @Inject
    TokenUse use;

    Clock clock = Clock.systemUTC();

    /** Who the token stands for, if it is one of ours, not expired, and its owner may still use it. */
    public Optional<Caller> verify(String presented) {
        if (!TokenSecrets.wellFormed(presented)) {
            return Optional.empty();
        }
        TokenGrant grant = lookup.find(TokenSecrets.digest(presented));
        if (grant == null || grant.expiredAt(clock.instant())) {
            return Optional.empty();
        }
        Person owner = people.find(grant.owner());
        if (!owner.sessionStillValid(grant.createdAt())) {
            return Optional.empty();
        }
        use.used(grant);
        return Optional.of(new Caller(
                owner.username(), owner.roles().stream().map(Role::name).collect(Collectors.toSet())));
    }

    /** The token's owner and their roles' names, for the container. */
    public record Caller(String username, Set<String> groups) {}
}
