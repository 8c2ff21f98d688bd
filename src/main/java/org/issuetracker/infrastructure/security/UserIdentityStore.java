package org.issuetracker.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.stream.Collectors;
import org.issuetracker.domain.user.PasswordHasher;
import org.issuetracker.domain.user.Role;
import org.issuetracker.domain.user.User;
import org.issuetracker.domain.user.UserRepository;

/** Checks a username and password against the user collection; only active users sign in. */
@ApplicationScoped
public class UserIdentityStore implements IdentityStore {

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return users.find(login.getCaller())
                .filter(User::active)
                .filter(user -> hasher.matches(login.getPasswordAsString(), user.passwordHash()))
                .map(user -> new CredentialValidationResult(
                        user.username(), user.roles().stream().map(Role::name).collect(Collectors.toSet())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
