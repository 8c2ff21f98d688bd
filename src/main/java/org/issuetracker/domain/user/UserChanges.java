package org.issuetracker.domain.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.issuetracker.domain.issue.Texts;

/** A new version of an account, as an admin edits it; {@code password} is null to keep the current one. */
public record UserChanges(
        @NotBlank(message = "{user.displayName.required}") @Size(max = 100, message = "{user.displayName.size}")
                String displayName,
        @NotBlank(message = "{user.email.required}") @Email(message = "{user.email.invalid}") @Size(max = 200)
                String email,
        @Size(min = 8, max = 128, message = "{user.password.size}") String password,
        @NotEmpty(message = "{user.roles.required}") Set<Role> roles,
        boolean active) {

    public UserChanges {
        displayName = Texts.normalize(displayName);
        email = Texts.normalize(email);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
