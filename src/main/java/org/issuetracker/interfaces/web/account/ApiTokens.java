package org.issuetracker.interfaces.web.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.issuetracker.application.user.ApiTokenService;
import org.issuetracker.application.user.IssuedToken;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.user.ApiToken;
import org.issuetracker.domain.user.NewApiToken;
import org.issuetracker.interfaces.web.UiActions;
import org.issuetracker.interfaces.web.UiMessages;

/**
 * The profile's API tokens: make one (a name, an optional expiry day), see its secret once, list and revoke them.
 * The secret crosses the redirect after the post in the session, and is taken out of it by the page that shows it:
 * a reload shows it no more.
 */
@Named
@RequestScoped
public class ApiTokens {

    /** The session attribute holding a token just made until its page shows it. */
    static final String JUST_MADE = ApiTokens.class.getName() + ".justMade";

    static final String FORM = "tokens";

    /** A token just made, on its way to the page that shows its secret once. */
    public record JustMade(String name, String secret) implements Serializable {}

    @Inject
    ApiTokenService tokens;

    @Inject
    Actor actor;

    @Inject
    UiActions actions;

    @Inject
    UiMessages messages;

    @Inject
    ExternalContext external;

    private String name;
    private String expiresAt;
    private JustMade justMade;
    private List<ApiToken> list;

    @PostConstruct
    void takeTheSecretJustMade() {
        if (external.getSession(false) != null) {
            justMade = (JustMade) external.getSessionMap().remove(JUST_MADE);
        }
    }

    /** The token made by the post before this page, with its secret: this once only. */
    public JustMade getJustMade() {
        return justMade;
    }

    public List<ApiToken> getList() {
        if (list == null) {
            list = tokens.list(actor.username(), actor);
        }
        return list;
    }

    public int getMaxPerUser() {
        return ApiTokenService.MAX_PER_USER;
    }

    public void create() throws IOException {
        Instant expiry;
        try {
            expiry = expiresAt == null || expiresAt.isBlank()
                    ? null
                    : LocalDate.parse(expiresAt.trim())
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant();
        } catch (DateTimeParseException e) {
            messages.fieldError(FORM + ":expiresAt", messages.text("profile.tokens.badDate"));
            messages.error("action.invalid");
            return;
        }
        var made =
                actions.call(FORM, "profile.tokens.tooMany", () -> tokens.create(new NewApiToken(name, expiry), actor));
        if (made.isEmpty()) {
            return;
        }
        IssuedToken issued = made.get();
        external.getSessionMap().put(JUST_MADE, new JustMade(issued.token().name(), issued.secret()));
        redirect();
    }

    /** Revokes the token the clicked row's form names (by id: the list may have changed since it was shown). */
    public void revoke() throws IOException {
        String id = external.getRequestParameterMap().get("tokenId");
        if (actions.run(FORM, null, () -> tokens.revoke(actor.username(), id, actor))) {
            messages.info("profile.tokens.revoked");
            messages.keepForRedirect();
            redirect();
        }
    }

    private void redirect() throws IOException {
        external.redirect(external.getRequestContextPath() + "/profile.xhtml#tokensHeading");
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(String expiresAt) {
        this.expiresAt = expiresAt;
    }
}
