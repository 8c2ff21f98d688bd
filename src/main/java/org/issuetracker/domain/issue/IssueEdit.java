package org.issuetracker.domain.issue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A new version of what the author wrote: title, description, category, labels and the assignee (if any). */
public record IssueEdit(
        @NotBlank(message = "{issue.title.required}")
                @Size(min = NewIssue.TITLE_MIN, max = NewIssue.TITLE_MAX, message = "{issue.title.size}")
                String title,
        @NotBlank(message = "{issue.description.required}")
                @Size(
                        min = NewIssue.DESCRIPTION_MIN,
                        max = NewIssue.DESCRIPTION_MAX,
                        message = "{issue.description.size}")
                String description,
        @NotBlank(message = "{issue.category.required}") String categoryId,
        @Size(max = Labels.MAX_COUNT, message = "{issue.labels.count}")
                List<
                                @Size(max = Labels.MAX_LENGTH, message = "{issue.label.size}")
                                @Pattern(regexp = Labels.PATTERN, message = "{issue.label.pattern}") String>
                        labels,
        String assignee) {

    public IssueEdit {
        title = Texts.normalize(title);
        description = Texts.normalize(description);
        categoryId = Texts.normalize(categoryId);
        labels = Labels.normalize(labels);
        assignee = Texts.normalize(assignee);
    }
}
