package org.issuetracker.interfaces.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.issuetracker.application.user.ApiTokenService;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.user.ApiToken;
import org.issuetracker.interfaces.web.UiActions;
import org.issuetracker.interfaces.web.UiMessages;

/** An administrator sees one account's API tokens and revokes any of them (one that leaked, say). */
@Named
@RequestScoped
public class UserTokens {

    @Inject
    ApiTokenService tokens;

    @Inject
    UiActions actions;

    @Inject
    UiMessages messages;

    @Inject
    ExternalContext external;

    @Inject
    Actor actor;

    private List<ApiToken> list;

    /** The tokens of the account named by {@code ?username=}, newest first. */
    public List<ApiToken> getList() {
        if (list == null) {
            list = actions.call("tokens", null, () -> tokens.list(username(), actor))
                    .orElse(List.of());
        }
        return list;
    }

    /** Revokes the token the clicked row's form names (by id, never by row). */
    public void revoke() throws IOException {
        String username = username();
        String id = external.getRequestParameterMap().get("tokenId");
        if (actions.run("tokens", null, () -> tokens.revoke(username, id, actor))) {
            messages.info("users.tokenRevoked", username);
            messages.keepForRedirect();
            external.redirect(external.getRequestContextPath() + "/admin/user.xhtml?username="
                    + URLEncoder.encode(username, StandardCharsets.UTF_8));
        }
    }

    private String username() {
        return external.getRequestParameterMap().get("username");
    }
}
