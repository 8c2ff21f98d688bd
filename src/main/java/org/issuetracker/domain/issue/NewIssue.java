package org.issuetracker.domain.issue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a user writes to file an issue. The limits are the tracker's rules, checked by the application
 * service whoever calls it (REST or Faces).
 */
public record NewIssue(
        @NotBlank(message = "{issue.title.required}")
                @Size(min = TITLE_MIN, max = TITLE_MAX, message = "{issue.title.size}")
                String title,
        @NotBlank(message = "{issue.description.required}")
                @Size(min = DESCRIPTION_MIN, max = DESCRIPTION_MAX, message = "{issue.description.size}")
                String description) {

    public static final int TITLE_MIN = 5;
    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MIN = 10;
    public static final int DESCRIPTION_MAX = 5000;

    /** Surrounding white space is never part of what the user meant; nothing but white space is nothing. */
    public NewIssue {
        title = normalize(title);
        description = normalize(description);
    }

    private static String normalize(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
