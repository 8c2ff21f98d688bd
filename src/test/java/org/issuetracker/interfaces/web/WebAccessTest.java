package org.issuetracker.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.interfaces.web.WebAccess.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebAccessTest {

    @ParameterizedTest(name = "{0} as {1}, anonymous reading {2}: {3}")
    @CsvSource({
        "/index.xhtml, anonymous, true, SHOW",
        "/index.xhtml, anonymous, false, SIGN_IN_FIRST",
        "/index.xhtml, user, false, SHOW",
        "/dashboard.xhtml, anonymous, false, SIGN_IN_FIRST",
        "/issues/view.xhtml, anonymous, true, SHOW",
        "/issues/new.xhtml, anonymous, true, SIGN_IN_FIRST",
        "/issues/edit.xhtml, anonymous, true, SIGN_IN_FIRST",
        "/profile.xhtml, anonymous, true, SIGN_IN_FIRST",
        "/profile.xhtml, user, true, SHOW",
        "/admin/users.xhtml, anonymous, true, SIGN_IN_FIRST",
        "/admin/users.xhtml, user, true, DENY",
        "/admin/approvals.xhtml, admin, false, SHOW"
    })
    void decides(String page, String who, boolean anonymousRead, Decision expected) {
        Actor caller =
                switch (who) {
                    case "anonymous" -> Actor.ANONYMOUS;
                    case "user" -> new Actor("alice", Set.of(Actor.ROLE_USER));
                    default -> new Actor("root", Set.of(Actor.ROLE_USER, Actor.ROLE_ADMIN));
                };

        assertThat(WebAccess.decide(page, caller, anonymousRead)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "/signin.xhtml, true",
        "/errors/error.xhtml, true",
        "/jakarta.faces.resource/theme.css.xhtml, true",
        "/index.xhtml, false"
    })
    void signingInErrorPagesAndResourcesAreAlwaysOpen(String page, boolean open) {
        assertThat(WebAccess.alwaysOpen(page)).isEqualTo(open);
    }
}
