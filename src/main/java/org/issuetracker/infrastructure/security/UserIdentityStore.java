package org.issuetracker.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.issuetracker.application.user.Person;
import org.issuetracker.application.user.PersonLookup;
import org.issuetracker.domain.user.PasswordHasher;
import org.issuetracker.domain.user.Role;
import org.issuetracker.domain.user.User;
import org.issuetracker.domain.user.UserRepository;

/**
 * Checks a username and password against the user collection; only active users sign in. Credentials that matched
 * a moment ago are not hashed again ({@link VerifiedCredentials}) as long as the account has not changed its password
 * or been deactivated since. A stored hash made with fewer iterations than configured now is replaced at the
 * successful sign-in, when the password is at hand.
 */
@ApplicationScoped
public class UserIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(UserIdentityStore.class.getName());

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    VerifiedCredentials verified;

    @Inject
    PersonLookup people;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String username = login.getCaller();
        String password = login.getPasswordAsString();
        Optional<java.time.Instant> at = verified.verifiedAt(username, password);
        if (at.isPresent()) {
            Person person = people.find(username);
            if (person.sessionStillValid(at.get())) {
                return valid(person.username(), person.roles());
            }
            verified.forget(username, password);
        }
        Optional<User> user = users.find(username)
                .filter(User::active)
                .filter(found -> hasher.matches(password, found.passwordHash()));
        if (user.isEmpty()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (hasher.outdated(user.get().passwordHash())) {
            rehash(user.get(), password);
        }
        verified.remember(username, password);
        return valid(user.get().username(), user.get().roles());
    }

    /** Stores the password's hash with today's iterations; another change meanwhile wins (tried again next time). */
    private void rehash(User user, String password) {
        try {
            users.replace(user.rehashed(hasher.hash(password)), user.version());
            LOG.fine(() -> "Re-hashed the password of " + user.username() + " with the configured iterations");
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "The password of " + user.username() + " is re-hashed another time", e);
        }
    }

    private static CredentialValidationResult valid(String username, Set<Role> roles) {
        return new CredentialValidationResult(
                username, roles.stream().map(Role::name).collect(Collectors.toSet()));
    }
}
