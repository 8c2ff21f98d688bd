package org.issuetracker.infrastructure.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.stream.Collectors;
import org.issuetracker.application.user.Person;
import org.issuetracker.application.user.PersonLookup;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.user.Role;

/**
 * The caller of the current request as an {@link Actor}. Roles come from the user store (through the cache), not
 * from the container's role mapping, so that a change of roles or a deactivation takes effect at once.
 */
@RequestScoped
public class ActorProducer {

    @Inject
    SecurityContext security;

    @Inject
    PersonLookup people;

    private Actor actor;

    /** Dependent: an Actor is a record, which a normal-scoped client proxy cannot wrap. */
    @Produces
    Actor actor() {
        if (actor == null) {
            Principal caller = security.getCallerPrincipal();
            if (caller == null) {
                actor = Actor.ANONYMOUS;
            } else {
                Person person = people.find(caller.getName());
                actor = person.active()
                        ? new Actor(
                                person.username(),
                                person.roles().stream().map(Role::name).collect(Collectors.toSet()))
                        : Actor.ANONYMOUS;
            }
        }
        return actor;
    }
}
