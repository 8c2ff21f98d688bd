package org.issuetracker.interfaces.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.issuetracker.application.issue.IssueService;
import org.issuetracker.application.issue.IssueView;
import org.issuetracker.application.issue.IssueViews;
import org.issuetracker.domain.issue.Approval;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.issue.IssueEdit;
import org.issuetracker.domain.issue.IssueId;
import org.issuetracker.domain.issue.IssueQuery;
import org.issuetracker.domain.issue.IssueSort;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;
import org.issuetracker.interfaces.web.RowForm;
import org.issuetracker.interfaces.web.UiActions;
import org.issuetracker.interfaces.web.UiMessages;

/**
 * The approval queue: issues waiting for a decision, oldest first. An admin can fix the title or description inline
 * (saved as an edit, in the issue's history) and approve or reject in the same step.
 */
@Named
@RequestScoped
public class Approvals {

    private static final String FORM = "approvals";

    @Inject
    IssueService issues;

    @Inject
    IssueViews views;

    @Inject
    UiActions actions;

    @Inject
    UiMessages messages;

    @Inject
    ExternalContext external;

    @Inject
    Actor actor;

    private Page<IssueView> queue;

    public Page<IssueView> getQueue() {
        if (queue == null) {
            queue = views.of(issues.search(
                    IssueQuery.awaitingApproval(IssueSort.OLDEST, new PageRequest(0, PageRequest.MAX_SIZE)), actor));
        }
        return queue;
    }

    public void approve() throws IOException {
        decide(Approval.APPROVED, "approvals.approved");
    }

    public void reject() throws IOException {
        decide(Approval.REJECTED, "approvals.rejected");
    }

    /**
     * Saves the inline fixes (if any) against the version the admin saw, then records the decision, for the issue
     * named by the submitted form (not by its row: the queue may have changed since the page was shown).
     */
    private void decide(Approval decision, String successKey) throws IOException {
        Map<String, String> form = external.getRequestParameterMap();
        String title = form.get("title");
        Optional<Issue> decided = actions.call(FORM, null, () -> {
            IssueId id = IssueId.parse(form.get("issue"));
            Issue current = issues.get(id, actor);
            String description = form.get("description");
            if (!Objects.equals(title, current.title()) || !Objects.equals(description, current.description())) {
                current = issues.edit(
                        id,
                        new IssueEdit(title, description, current.categoryId(), current.labels(), current.assignee()),
                        RowForm.version(form.get("version")),
                        actor);
            }
            return issues.decide(current.id(), decision, actor);
        });
        if (decided.isPresent()) {
            messages.info(successKey, decided.get().title());
            messages.keepForRedirect();
            external.redirect(external.getRequestContextPath() + "/admin/approvals.xhtml");
        }
    }
}
