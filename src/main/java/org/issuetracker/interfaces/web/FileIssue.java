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
import org.issuetracker.application.issue.IssueService;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.issue.NewIssue;

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

    private String title;
    private String description;

    public String file() {
        try {
            Issue issue = issues.file(new NewIssue(title, description));
            faces.getExternalContext().getFlash().setKeepMessages(true);
            messages.info("file.filed", issue.title());
            return "/index?faces-redirect=true";
        } catch (ConstraintViolationException e) {
            e.getConstraintViolations().forEach(this::showNextToField);
            messages.error("file.invalid");
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
