package org.issuetracker.application.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.issuetracker.application.RequestValidation;
import org.issuetracker.application.caching.CacheInvalidator;
import org.issuetracker.application.caching.CacheKey;
import org.issuetracker.application.caching.CacheRegion;
import org.issuetracker.application.caching.InvalidatesCache;
import org.issuetracker.application.operations.Monitored;
import org.issuetracker.domain.shared.AccessDeniedException;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.shared.ConflictException;
import org.issuetracker.domain.shared.InvalidReferenceException;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;
import org.issuetracker.domain.shared.StaleVersionException;
import org.issuetracker.domain.user.NewUser;
import org.issuetracker.domain.user.PasswordChange;
import org.issuetracker.domain.user.PasswordHasher;
import org.issuetracker.domain.user.Role;
import org.issuetracker.domain.user.User;
import org.issuetracker.domain.user.UserChanges;
import org.issuetracker.domain.user.UserNotFoundException;
import org.issuetracker.domain.user.UserRepository;
import org.issuetracker.domain.user.Usernames;

/** Account management: admins create, edit and deactivate users; users read themselves. */
@Monitored
@ApplicationScoped
public class UserService {

    @Inject
    RequestValidation validation;

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    CacheInvalidator invalidator;

    public Page<Person> list(PageRequest page, Actor actor) {
        return list(null, page, actor);
    }

    /** Users whose username starts with the prefix (everyone for {@code null}), by username. */
    public Page<Person> list(String usernamePrefix, PageRequest page, Actor actor) {
        actor.requireAdmin("list users");
        if (usernamePrefix != null && !Usernames.couldStart(usernamePrefix)) {
            // no username starts so (and a NUL could not even be sent to the database as a regex)
            return Page.of(List.of(), page, 0);
        }
        return users.list(usernamePrefix, page).map(Person::of);
    }

    /** An account as admins see it (with its version); users may read their own. */
    public User get(String username, Actor actor) {
        actor.requireSelfOrAdmin(username, "read this account");
        return users.find(username).orElseThrow(() -> new UserNotFoundException(username));
    }

    public User create(NewUser user, Actor actor) {
        actor.requireAdmin("create users");
        validation.check(user, "the user");
        Instant now = now();
        User created = users.add(new User(
                user.username(),
                user.displayName(),
                user.email(),
                user.roles(),
                true,
                hasher.hash(user.password()),
                now,
                now,
                0));
        // A profile looked up before the account existed was cached as unknown (inactive): forget it.
        invalidator.evict(CacheRegion.USERS, created.username());
        return created;
    }

    /** Changes an account; an admin cannot take their own admin role or deactivate themselves (no lock-out). */
    @InvalidatesCache({CacheRegion.USERS, CacheRegion.REPORTS}) // the reports name the top contributors
    public User update(@CacheKey String username, UserChanges changes, Long expectedVersion, Actor actor) {
        actor.requireAdmin("change users");
        validation.check(changes, "the user");
        if (actor.is(username) && (!changes.active() || !changes.roles().contains(Role.ADMIN))) {
            throw new ConflictException("You cannot remove your own administrator role or deactivate yourself");
        }
        return change(
                username,
                expectedVersion,
                current -> current.with(
                        changes,
                        changes.password() == null ? null : hasher.hash(changes.password()),
                        now(),
                        !actor.is(username)));
    }

    /** Deactivates an account: it stays (its issues keep their author), but cannot sign in. Not one's own. */
    @InvalidatesCache(CacheRegion.USERS)
    public User deactivate(@CacheKey String username, Actor actor) {
        actor.requireAdmin("deactivate users");
        if (actor.is(username)) {
            throw new ConflictException("You cannot deactivate yourself");
        }
        return change(username, null, current -> current.deactivated(now()));
    }

    /**
     * A user changes their own password, proving it with the current one. The account's other sessions end, on
     * every instance (the web layer renews the session that made the change); a temporary password stops being one.
     *
     * @throws InvalidReferenceException when the current password is wrong, or the new one is the same
     */
    @InvalidatesCache(CacheRegion.USERS)
    public User changeOwnPassword(@CacheKey String username, PasswordChange change, Actor actor) {
        actor.requireSignedIn("change your password");
        if (!actor.is(username)) {
            throw new AccessDeniedException("Only the account's own user changes its password this way");
        }
        validation.check(change, "the password change");
        User current = users.find(username).orElseThrow(() -> new UserNotFoundException(username));
        if (!hasher.matches(change.currentPassword(), current.passwordHash())) {
            throw new InvalidReferenceException("currentPassword", "This is not your current password");
        }
        if (change.newPassword().equals(change.currentPassword())) {
            throw new InvalidReferenceException("newPassword", "The new password is the same as the current one");
        }
        return change(username, null, user -> user.withOwnPassword(hasher.hash(change.newPassword()), now()));
    }

    private User change(String username, Long expectedVersion, java.util.function.UnaryOperator<User> how) {
        User current = users.find(username).orElseThrow(() -> new UserNotFoundException(username));
        long version = expectedVersion == null ? current.version() : expectedVersion;
        if (version != current.version()) {
            throw new StaleVersionException("user", version, current.version());
        }
        User changed = how.apply(current);
        if (changed == current) {
            return current;
        }
        return users.replace(changed, version)
                .orElseThrow(() -> new StaleVersionException("user", version, version + 1));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
