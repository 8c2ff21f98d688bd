package org.issuetracker.interfaces.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignInFormTest {

    @ParameterizedTest
    @CsvSource({"/profile.xhtml, /profile.xhtml", "/issues/view.xhtml?id=abc, /issues/view.xhtml?id=abc"})
    void goesBackToAPageOfThisApplication(String next, String expected) {
        assertThat(after(next)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "//evil.example/",
                "https://evil.example/",
                "/\\evil.example",
                "evil.example",
                "/signin.xhtml",
                "/index.xhtml\r\nSet-Cookie: x=y",
                ""
            })
    void neverLeavesTheApplication(String next) {
        assertThat(after(next)).isEqualTo("/index.xhtml");
    }

    private static String after(String next) {
        SignInForm form = new SignInForm();
        form.setNext(next);
        return form.safeNext();
    }
}
