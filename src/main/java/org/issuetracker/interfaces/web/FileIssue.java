package org.issuetracker.interfaces.web;

import com.mongodb.MongoException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Arrays;
import java.util.List;
import org.issuetracker.application.issue.IssueService;
import org.issuetracker.application.reference.ReferenceService;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.issue.NewIssue;
import org.issuetracker.domain.reference.ReferenceItem;
import org.issuetracker.domain.reference.ReferenceKind;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.shared.AuthenticationRequiredException;
import org.issuetracker.domain.shared.InvalidReferenceException;

/**
 * The "file an issue" form. The rules are the service's: its violations are shown next to the fields they are
 * about, so the form and the API can never disagree.
 */
@Named
@RequestScoped
public class FileIssue {

    private static final String FORM = "fileIssue";

    @Inject
    IssueService issues;

    @Inject
    FacesContext faces;

    @Inject
    UiMessages messages;

    @Inject
    ReferenceService reference;

    @Inject
    Actor actor;

    private String title;
    private String description;
    private String categoryId;
    private String labels;

    /** The categories a new issue can be filed in. */
    public List<ReferenceItem> getCategories() {
        return reference.list(ReferenceKind.CATEGORY, false);
    }

    private List<String> labelList() {
        return labels == null ? List.of() : Arrays.asList(labels.split(","));
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

    public String file() {
        try {
            Issue issue = issues.file(new NewIssue(title, description, categoryId, labelList()), actor);
            faces.getExternalContext().getFlash().setKeepMessages(true);
            messages.info("file.filed", issue.title());
            return "/index?faces-redirect=true";
        } catch (ConstraintViolationException e) {
            e.getConstraintViolations().forEach(this::showNextToField);
            messages.error("file.invalid");
        } catch (InvalidReferenceException e) {
            faces.addMessage(
                    FORM + ":" + e.field(), new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            messages.error("file.invalid");
        } catch (AuthenticationRequiredException e) {
            messages.error("file.signIn");
        } catch (MongoException e) {
            messages.error("file.unavailable");
        }
        return null;
    }

    private void showNextToField(ConstraintViolation<?> violation) {
        String field = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY) {
                field = node.getName();
            }
        }
        String clientId = field == null ? null : FORM + ":" + field;
        faces.addMessage(
                clientId,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, violation.getMessage(), violation.getMessage()));
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
}
