package org.issuetracker.infrastructure.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.stream.Collectors;
import org.issuetracker.application.user.Person;
import org.issuetracker.application.user.PersonLookup;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.user.Role;

/**
 * The caller of the current request as an {@link Actor}. Roles come from the user store (through the cache), not
 * from the container's role mapping, so that a change of roles or a deactivation takes effect at once. A session
 * signed in before the account's password changed, or before it was deactivated, is ended here: on every instance,
 * since they all read the same account.
 */
@RequestScoped
public class ActorProducer {

    @Inject
    SecurityContext security;

    @Inject
    PersonLookup people;

    @Inject
    HttpServletRequest request;

    private Actor actor;

    /** Whether this request's caller comes from a signed-in session (rather than credentials sent with it). */
    private boolean fromSession() {
        return request.getHeader("Authorization") == null
                && WebSessions.signedIn(request).isPresent();
    }

    private java.time.Instant signedInAt() {
        return WebSessions.signedInAt(request).orElse(null);
    }

    /**
     * The same, for code that outlives a request (servlet filters): through this bean's client proxy, the caller is
     * worked out once per request, where injecting an {@code Instance<Actor>} calls the producer each time.
     */
    public Actor current() {
        return actor();
    }

    /** Dependent: an Actor is a record, which a normal-scoped client proxy cannot wrap. */
    @Produces
    Actor actor() {
        if (actor == null) {
            Principal caller = security.getCallerPrincipal();
            if (caller == null) {
                actor = Actor.ANONYMOUS;
            } else {
                Person person = people.find(caller.getName());
                if (!person.active()) {
                    actor = Actor.ANONYMOUS;
                } else if (fromSession() && !person.sessionStillValid(signedInAt())) {
                    // the password changed (or the account was deactivated) after this session signed in
                    request.getSession().invalidate();
                    actor = Actor.ANONYMOUS;
                } else {
                    actor = new Actor(
                            person.username(),
                            person.roles().stream().map(Role::name).collect(Collectors.toSet()));
                }
            }
        }
        return actor;
    }
}
