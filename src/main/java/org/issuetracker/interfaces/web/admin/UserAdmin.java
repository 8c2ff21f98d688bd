package org.issuetracker.interfaces.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.issuetracker.application.user.Person;
import org.issuetracker.application.user.UserService;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;
import org.issuetracker.domain.user.NewUser;
import org.issuetracker.domain.user.Role;
import org.issuetracker.domain.user.User;
import org.issuetracker.domain.user.UserChanges;
import org.issuetracker.interfaces.web.UiActions;
import org.issuetracker.interfaces.web.UiMessages;

/**
 * Users: find them by the start of their username ({@code ?q=}), page through them ({@code ?page=}), create
 * accounts, give or take the administrator role, deactivate and reactivate.
 */
@Named
@RequestScoped
public class UserAdmin {

    private static final String FORM = "users";
    private static final int PAGE_SIZE = 50;

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

    private int page;
    private String query;
    private Page<Person> people;
    private String username;
    private String displayName;
    private String email;
    private String password;
    private boolean admin;

    @PostConstruct
    void read() {
        try {
            page = Math.min(
                    Integer.MAX_VALUE / PAGE_SIZE - 1,
                    Math.max(
                            0,
                            Integer.parseInt(external.getRequestParameterMap().getOrDefault("page", "1")) - 1));
        } catch (NumberFormatException e) {
            page = 0;
        }
        query = external.getRequestParameterMap().get("q");
    }

    public Page<Person> getPeople() {
        if (people == null) {
            people = users.list(query, new PageRequest(page, PAGE_SIZE), actor);
        }
        return people;
    }

    public boolean isAdmin(Person person) {
        return person.roles().contains(Role.ADMIN);
    }

    public void create() throws IOException {
        Set<Role> roles = admin ? EnumSet.of(Role.USER, Role.ADMIN) : EnumSet.of(Role.USER);
        if (actions.run(
                FORM,
                "users.taken",
                () -> users.create(new NewUser(username, displayName, email, password, roles), actor))) {
            done("users.created", username);
        }
    }

    /**
     * Gives or takes the admin role of the user named by the submitted form (by username, never by row: the list may
     * have changed since it was shown).
     */
    public void saveRoles() throws IOException {
        Set<Role> roles = "true".equals(external.getRequestParameterMap().get("admin"))
                ? EnumSet.of(Role.USER, Role.ADMIN)
                : EnumSet.of(Role.USER);
        change(current -> roles, current -> current.active(), "users.rolesSaved");
    }

    public void deactivate() throws IOException {
        String username = clickedUser();
        if (actions.run(FORM, "users.self", () -> users.deactivate(username, actor))) {
            done("users.deactivated", username);
        }
    }

    public void reactivate() throws IOException {
        change(User::roles, current -> true, "users.reactivated");
    }

    private void change(
            java.util.function.Function<User, Set<Role>> roles,
            java.util.function.Predicate<User> active,
            String successKey)
            throws IOException {
        String username = clickedUser();
        if (actions.run(FORM, "users.self", () -> {
            User current = users.get(username, actor);
            users.update(
                    username,
                    new UserChanges(
                            current.displayName(), current.email(), null, roles.apply(current), active.test(current)),
                    current.version(),
                    actor);
        })) {
            done(successKey, username);
        }
    }

    private String clickedUser() {
        return external.getRequestParameterMap().get("username");
    }

    private void done(String key, String name) throws IOException {
        messages.info(key, name);
        messages.keepForRedirect();
        external.redirect(pageUrl(page + 1));
    }

    /** The username prefix searched for, as the search field shows it. */
    public String getQuery() {
        return query;
    }

    /** A page of the current search, for the pager's links and after an action. */
    public String pageUrl(int number) {
        return external.getRequestContextPath() + "/admin/users.xhtml?page=" + number
                + (query == null || query.isBlank() ? "" : "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
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

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isAdmin() {
        return admin;
    }

    public void setAdmin(boolean admin) {
        this.admin = admin;
    }
}
