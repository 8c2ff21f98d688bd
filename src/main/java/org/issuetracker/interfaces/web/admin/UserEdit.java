package org.issuetracker.interfaces.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.issuetracker.application.user.UserService;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.user.User;
import org.issuetracker.domain.user.UserChanges;
import org.issuetracker.interfaces.web.UiActions;
import org.issuetracker.interfaces.web.UiMessages;

/**
 * An administrator edits one account: display name, e-mail, and optionally a temporary password, which the user
 * must change at their next sign-in (and which ends their sessions). Roles and deactivation stay on the list.
 */
@Named
@RequestScoped
public class UserEdit {

    private static final String FORM = "userForm";

    @Inject
    UserService users;

    @Inject
    UiActions actions;

    @Inject
    UiMessages messages;

    @Inject
    ExternalContext external;

    @Inject
    Actor actor;

    private String username;
    private User account;
    private String displayName;
    private String email;
    private String temporaryPassword;
    private Long version;

    /** Reads the account named by {@code ?username=} (before the form's fields are decoded); 404 when unknown. */
    public void load() throws IOException {
        Optional<User> found = actions.call(FORM, null, () -> users.get(username, actor));
        if (found.isEmpty()) {
            UiActions.sendError(404);
            return;
        }
        account = found.get();
        if (displayName == null) {
            displayName = account.displayName();
            email = account.email();
            version = account.version();
        }
    }

    public void save() throws IOException {
        String password = temporaryPassword == null || temporaryPassword.isEmpty() ? null : temporaryPassword;
        boolean saved = actions.run(FORM, null, () -> {
            // roles and state as they are now (the view action does not run again on the post)
            User current = users.get(username, actor);
            users.update(
                    username,
                    new UserChanges(displayName, email, password, current.roles(), current.active()),
                    version,
                    actor);
        });
        if (saved) {
            messages.info(password == null ? "users.saved" : "users.savedWithPassword", username);
            messages.keepForRedirect();
            external.redirect(external.getRequestContextPath() + "/admin/users.xhtml?q="
                    + URLEncoder.encode(username, StandardCharsets.UTF_8));
        }
    }

    public User getAccount() {
        return account;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getTemporaryPassword() {
        return temporaryPassword;
    }

    public void setTemporaryPassword(String temporaryPassword) {
        this.temporaryPassword = temporaryPassword;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
