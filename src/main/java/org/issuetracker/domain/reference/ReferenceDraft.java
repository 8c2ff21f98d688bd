package org.issuetracker.domain.reference;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.issuetracker.domain.issue.Texts;

/** What an admin writes to create or rename a category or status. */
public record ReferenceDraft(
        @NotBlank(message = "{reference.name.required}") @Size(min = 2, max = 100, message = "{reference.name.size}")
                String name,
        @Size(max = 500, message = "{reference.description.size}") String description,
        boolean closed) {

    public ReferenceDraft {
        name = Texts.normalize(name);
        description = Texts.normalize(description);
    }
}
