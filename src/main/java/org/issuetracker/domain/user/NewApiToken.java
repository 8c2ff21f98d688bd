package org.issuetracker.domain.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A token its owner asks for: a name to recognise it by, and when it stops working ({@code null}: never). */
public record NewApiToken(
        @NotBlank(message = "{token.name.required}") @Size(max = 60, message = "{token.name.size}") String name,
        Instant expiresAt) {}
