package org.issuetracker.domain.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A user's change of their own password: the current one proves it is them, the new one replaces it. */
public record PasswordChange(
        @NotBlank(message = "{user.currentPassword.required}") String currentPassword,
        @NotNull(message = "{user.password.required}") @Size(min = 8, max = 128, message = "{user.password.size}")
                String newPassword) {}
