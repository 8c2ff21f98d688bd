package org.issuetracker.domain.issue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a user writes to file an issue. The limits are the tracker's rules, checked by the application service
 * whoever calls it (REST or Faces).
 */
public record NewIssue(
        @NotBlank(message = "{issue.title.required}")
                @Size(min = TITLE_MIN, max = TITLE_MAX, message = "{issue.title.size}")
                String title,
        @NotBlank(message = "{issue.description.required}")
                @Size(min = DESCRIPTION_MIN, max = DESCRIPTION_MAX, message = "{issue.description.size}")
                String description,
        @NotBlank(message = "{issue.category.required}") String categoryId,
        @Size(max = Labels.MAX_COUNT, message = "{issue.labels.count}")
                List<
                                @Size(max = Labels.MAX_LENGTH, message = "{issue.label.size}")
                                @Pattern(regexp = Labels.PATTERN, message = "{issue.label.pattern}") String>
                        labels) {

    public static final int TITLE_MIN = 5;
    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MIN = 10;
    public static final int DESCRIPTION_MAX = 5000;

    /** Surrounding white space is never part of what the user meant; nothing but white space is nothing. */
    public NewIssue {
        title = Texts.normalize(title);
        description = Texts.normalize(description);
        categoryId = Texts.normalize(categoryId);
        labels = Labels.normalize(labels);
    }

    /** A new issue without labels. */
    public NewIssue(String title, String description, String categoryId) {
        this(title, description, categoryId, List.of());
    }
}
