package org.issuetracker.domain.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.issuetracker.domain.issue.Texts;

/** An account an admin creates. */
public record NewUser(
        @NotBlank(message = "{user.username.required}")
                @Pattern(regexp = Usernames.PATTERN, message = "{user.username.pattern}")
                String username,
        @NotBlank(message = "{user.displayName.required}") @Size(max = 100, message = "{user.displayName.size}")
                String displayName,
        @NotBlank(message = "{user.email.required}") @Email(message = "{user.email.invalid}") @Size(max = 200)
                String email,
        @NotNull(message = "{user.password.required}") @Size(min = 8, max = 128, message = "{user.password.size}")
                String password,
        @NotEmpty(message = "{user.roles.required}") Set<Role> roles) {

    public NewUser {
        username = Texts.normalize(username);
        displayName = Texts.normalize(displayName);
        email = Texts.normalize(email);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
