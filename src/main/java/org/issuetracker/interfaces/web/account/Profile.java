package org.issuetracker.interfaces.web.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.issuetracker.application.comment.CommentService;
import org.issuetracker.application.issue.IssueService;
import org.issuetracker.application.user.PersonLookup;
import org.issuetracker.application.user.Preferences;
import org.issuetracker.application.user.PreferencesService;
import org.issuetracker.application.user.UserService;
import org.issuetracker.domain.comment.Comment;
import org.issuetracker.domain.issue.Approval;
import org.issuetracker.domain.issue.Issue;
import org.issuetracker.domain.issue.IssueQuery;
import org.issuetracker.domain.issue.IssueSort;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.shared.InvalidReferenceException;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;
import org.issuetracker.domain.user.PasswordChange;
import org.issuetracker.infrastructure.security.WebSessions;
import org.issuetracker.interfaces.web.UiActions;
import org.issuetracker.interfaces.web.UiMessages;

/**
 * "My profile": the viewer's issues grouped as approved, pending, rejected and archived (the 100 newest of each),
 * their latest comments, their preferences, and their password (changed with the current one; a temporary
 * password must be changed here before anything else, see {@code PasswordChangeGate}).
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

    @Inject
    UserService users;

    @Inject
    PersonLookup people;

    @Inject
    UiActions actions;

    @Inject
    WebSessions sessions;

    private String currentPassword;
    private String newPassword;
    private String repeatPassword;

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

    /** Whether the viewer's password is a temporary one that must be changed now. */
    public boolean isPasswordChangeRequired() {
        return people.find(actor.username()).passwordChangeRequired();
    }

    /**
     * Changes the viewer's password: this session goes on under a new id, the account's other sessions end on every
     * instance. The current password wrong, the new one the same, or the repetition different: said next to the field.
     */
    public void changePassword() throws IOException {
        if (newPassword == null || !newPassword.equals(repeatPassword)) {
            messages.fieldError("password:repeatPassword", messages.text("profile.password.mismatch"));
            messages.error("action.invalid");
            return;
        }
        String[] refusedField = new String[1];
        boolean done = actions.run("password", null, () -> {
            try {
                users.changeOwnPassword(actor.username(), new PasswordChange(currentPassword, newPassword), actor);
            } catch (InvalidReferenceException e) {
                refusedField[0] = e.field();
            }
        });
        if (!done) {
            return;
        }
        if (refusedField[0] != null) {
            messages.fieldError(
                    "password:" + refusedField[0],
                    messages.text(
                            refusedField[0].equals("currentPassword")
                                    ? "profile.password.wrongCurrent"
                                    : "profile.password.same"));
            messages.error("action.invalid");
            return;
        }
        sessions.renew((HttpServletRequest) external.getRequest());
        messages.info("profile.passwordChanged");
        messages.keepForRedirect();
        external.redirect(external.getRequestContextPath() + "/profile.xhtml");
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeatPassword() {
        return repeatPassword;
    }

    public void setRepeatPassword(String repeatPassword) {
        this.repeatPassword = repeatPassword;
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
