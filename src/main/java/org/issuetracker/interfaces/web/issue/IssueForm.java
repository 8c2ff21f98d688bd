package org.issuetracker.interfaces.web.issue;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.issuetracker.application.issue.EditModeration;
import org.issuetracker.application.issue.IssueService;
import org.issuetracker.application.reference.ReferenceService;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.issue.IssueEdit;
import org.issuetracker.domain.issue.IssueId;
import org.issuetracker.domain.issue.NewIssue;
import org.issuetracker.domain.reference.ReferenceItem;
import org.issuetracker.domain.reference.ReferenceKind;
import org.issuetracker.domain.shared.AccessDeniedException;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.shared.NotFoundException;
import org.issuetracker.interfaces.web.UiActions;
import org.issuetracker.interfaces.web.UiMessages;

/**
 * Filing a new issue and editing one (its author or an admin). The rules are the service's: its violations are
 * shown next to the fields they are about, so the form and the API can never disagree. An edit carries the version
 * it started from: if someone else saved in between, nothing is overwritten and the user is told.
 */
@Named
@RequestScoped
public class IssueForm {

    private static final String FORM = "issueForm";

    @Inject
    IssueService issues;

    @Inject
    ReferenceService reference;

    @Inject
    UiActions actions;

    @Inject
    UiMessages messages;

    @Inject
    ExternalContext external;

    @Inject
    Actor actor;

    private boolean editing;
    private Optional<Issue> stored;
    private String id;
    private Long version;
    private String title;
    private String description;
    private String categoryId;
    private String labels;
    private String assignee;

    /**
     * Which issue is edited, known before any field is decoded (a view parameter is set only after the fields, too
     * late for what is rendered, and so submitted, depending on it).
     */
    @PostConstruct
    void readId() {
        editing = "/issues/edit.xhtml".equals(external.getRequestServletPath());
        String requested = external.getRequestParameterMap().get("id");
        id = !editing || requested == null || requested.isBlank() ? null : requested;
    }

    /** For an edit: fills the form from the issue, or shows "not found" / "access denied". */
    public void load() throws IOException {
        if (!editing) {
            return;
        }
        if (id == null) {
            stop(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            Issue issue = issues.get(IssueId.parse(id), actor);
            actor.requireSelfOrAdmin(issue.author(), "edit this issue");
            version = issue.version();
            title = issue.title();
            description = issue.description();
            categoryId = issue.categoryId();
            labels = String.join(", ", issue.labels());
            assignee = issue.assignee();
        } catch (NotFoundException e) {
            stop(HttpServletResponse.SC_NOT_FOUND);
        } catch (AccessDeniedException e) {
            stop(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    private void stop(int status) throws IOException {
        UiActions.sendError(status);
    }

    /** Which page this is: the edit page edits (the issue its URL names), the new-issue page files. */
    public boolean isEditing() {
        return editing;
    }

    /** The categories an issue can be in: the open ones, and the issue's own even if it was archived since. */
    public List<ReferenceItem> getCategories() {
        List<ReferenceItem> categories = new ArrayList<>(reference.list(ReferenceKind.CATEGORY, false));
        String own = ownCategory();
        if (own != null && categories.stream().noneMatch(c -> c.id().equals(own))) {
            reference.list(ReferenceKind.CATEGORY, true).stream()
                    .filter(c -> c.id().equals(own))
                    .forEach(categories::add);
        }
        return categories;
    }

    /** The edited issue's category as stored (also on a postback, before the form's values are applied). */
    private String ownCategory() {
        return stored().map(Issue::categoryId).orElse(null);
    }

    /**
     * Whether saving a new title, description or labels sends the issue back to the approval queue: the page says
     * so before the user saves (also after a refused postback), and the message after saving says it happened.
     */
    public boolean isReapprovalOnTextChange() {
        return stored().filter(issue -> EditModeration.textChangesNeedReapproval(issue, actor))
                .isPresent();
    }

    private Optional<Issue> stored() {
        if (id == null) {
            return Optional.empty();
        }
        if (stored == null) {
            try {
                stored = Optional.of(issues.get(IssueId.parse(id), actor));
            } catch (NotFoundException e) {
                stored = Optional.empty();
            }
        }
        return stored;
    }

    /**
     * Autocomplete for the comma-separated labels field: completes the label being typed (after the last comma)
     * with labels already in use, keeping what comes before it.
     */
    public List<String> completeLabels(String typed) {
        String text = typed == null ? "" : typed;
        int comma = text.lastIndexOf(',');
        String before = comma < 0 ? "" : text.substring(0, comma + 1) + " ";
        String current = text.substring(comma + 1).strip();
        List<String> chosen = labelList(before);
        return issues.labelSuggestions(current, actor).stream()
                .filter(label -> !chosen.contains(label))
                .map(label -> before + label)
                .toList();
    }

    public void save() throws IOException {
        Optional<Issue> saved = isEditing()
                ? actions.call(
                        FORM,
                        "issue.archivedConflict",
                        () -> issues.edit(
                                IssueId.parse(id),
                                new IssueEdit(title, description, categoryId, labelList(labels), assignee),
                                version,
                                actor))
                : actions.call(
                        FORM,
                        null,
                        () -> issues.file(new NewIssue(title, description, categoryId, labelList(labels)), actor));
        if (saved.isPresent()) {
            Issue issue = saved.get();
            messages.info(
                    !isEditing()
                            ? issue.isPublic() ? "form.filed" : "form.filedPending"
                            : issue.isAwaitingReapproval() ? "form.savedForReapproval" : "form.saved");
            messages.keepForRedirect();
            external.redirect(external.getRequestContextPath() + "/issues/view.xhtml?id="
                    + issue.id().value());
        }
    }

    private static List<String> labelList(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split(","));
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(String categoryId) {
        this.categoryId = categoryId;
    }

    public String getLabels() {
        return labels;
    }

    public void setLabels(String labels) {
        this.labels = labels;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }
}
