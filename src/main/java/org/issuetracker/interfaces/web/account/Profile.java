package org.issuetracker.interfaces.web.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.issuetracker.application.comment.CommentService;
import org.issuetracker.application.issue.IssueService;
import org.issuetracker.application.user.Preferences;
import org.issuetracker.application.user.PreferencesService;
import org.issuetracker.domain.comment.Comment;
import org.issuetracker.domain.issue.Approval;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.issue.IssueQuery;
import org.issuetracker.domain.issue.IssueSort;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;
import org.issuetracker.interfaces.web.UiMessages;

/**
 * "My profile": the viewer's issues grouped as approved, pending, rejected and archived (the 100 newest of each),
 * their latest comments, and their preferences.
 */
@Named
@RequestScoped
public class Profile {

    /** The groups, in the order shown. */
    public enum Group {
        APPROVED,
        PENDING,
        REJECTED,
        ARCHIVED
    }

    @Inject
    IssueService issues;

    @Inject
    CommentService comments;

    @Inject
    PreferencesService preferences;

    @Inject
    UiMessages messages;

    @Inject
    ExternalContext external;

    @Inject
    Actor actor;

    private final Map<Group, Page<Issue>> groups = new EnumMap<>(Group.class);
    private Page<Comment> commentPage;
    private int pageSize;
    private IssueSort sort;

    @PostConstruct
    void readPreferences() {
        Preferences current = preferences.of(actor);
        pageSize = current.pageSize();
        sort = current.sort();
    }

    public List<Group> getGroups() {
        return List.of(Group.values());
    }

    public Page<Issue> issues(Group group) {
        return groups.computeIfAbsent(
                group,
                g -> issues.search(
                        IssueQuery.byAuthor(
                                actor.username(),
                                g == Group.ARCHIVED ? null : Approval.valueOf(g.name()),
                                g == Group.ARCHIVED,
                                new PageRequest(0, PageRequest.MAX_SIZE)),
                        actor));
    }

    public Page<Comment> getComments() {
        if (commentPage == null) {
            commentPage = comments.byAuthor(actor.username(), new PageRequest(0, 50), actor);
        }
        return commentPage;
    }

    public List<Integer> getPageSizes() {
        return Preferences.PAGE_SIZES;
    }

    public List<IssueSort> getSorts() {
        return List.of(IssueSort.NEWEST, IssueSort.VOTES, IssueSort.UPDATED, IssueSort.OLDEST);
    }

    public void savePreferences() throws IOException {
        if (!Preferences.PAGE_SIZES.contains(pageSize)) {
            messages.error("action.invalid");
            return;
        }
        preferences.save(new Preferences(pageSize, sort), actor);
        messages.info("profile.preferencesSaved");
        messages.keepForRedirect();
        external.redirect(external.getRequestContextPath() + "/profile.xhtml");
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public IssueSort getSort() {
        return sort;
    }

    public void setSort(IssueSort sort) {
        this.sort = sort;
    }
}
