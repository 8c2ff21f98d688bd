package org.issuetracker.interfaces.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.issuetracker.application.issue.IssueService;
import org.issuetracker.application.issue.IssueView;
import org.issuetracker.application.issue.IssueViews;
import org.issuetracker.domain.issue.Approval;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.issue.IssueEdit;
import org.issuetracker.domain.issue.IssueQuery;
import org.issuetracker.domain.issue.IssueSort;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;
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

    private final Map<String, String> titles = new HashMap<>();
    private final Map<String, String> descriptions = new HashMap<>();
    private Page<IssueView> queue;

    @PostConstruct
    void fill() {
        getQueue().items().forEach(view -> {
            titles.put(view.issue().id().value(), view.issue().title());
            descriptions.put(view.issue().id().value(), view.issue().description());
        });
    }

    public Page<IssueView> getQueue() {
        if (queue == null) {
            queue = views.of(issues.search(
                    IssueQuery.awaitingApproval(IssueSort.OLDEST, new PageRequest(0, PageRequest.MAX_SIZE)), actor));
        }
        return queue;
    }

    /** Edited titles by issue id (bound to the inline fields). */
    public Map<String, String> getTitles() {
        return titles;
    }

    public Map<String, String> getDescriptions() {
        return descriptions;
    }

    public void approve(Issue issue) throws IOException {
        decide(issue, Approval.APPROVED, "approvals.approved");
    }

    public void reject(Issue issue) throws IOException {
        decide(issue, Approval.REJECTED, "approvals.rejected");
    }

    /** Saves the inline fixes (if any), then records the decision. */
    private void decide(Issue issue, Approval decision, String successKey) throws IOException {
        boolean done = actions.run(FORM, null, () -> {
            Issue current = saveFixes(issue);
            issues.decide(current.id(), decision, actor);
        });
        if (done) {
            messages.info(successKey, titles.getOrDefault(issue.id().value(), issue.title()));
            messages.keepForRedirect();
            external.redirect(external.getRequestContextPath() + "/admin/approvals.xhtml");
        }
    }

    private Issue saveFixes(Issue issue) {
        String title = titles.getOrDefault(issue.id().value(), issue.title());
        String description = descriptions.getOrDefault(issue.id().value(), issue.description());
        if (title.equals(issue.title()) && description.equals(issue.description())) {
            return issue;
        }
        return issues.edit(
                issue.id(),
                new IssueEdit(title, description, issue.categoryId(), issue.labels(), issue.assignee()),
                issue.version(),
                actor);
    }
}
