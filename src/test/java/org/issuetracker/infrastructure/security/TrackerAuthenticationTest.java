package org.issuetracker.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrackerAuthenticationTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "/api/issues/1/votes, /api/issues/1/votes",
        "/%61pi/issues/1/votes, /api/issues/1/votes",
        "/api;jsessionid=abc/issues/1/votes, /api/issues/1/votes",
        "//api/issues, /api/issues",
        "/./api/issues, /api/issues",
        "/x/../api/issues, /api/issues",
        "/api%2Fissues, /api/issues",
        "/index.xhtml, /index.xhtml",
        "/, /"
    })
    void aRawPathIsReadAsTheContainerRoutesIt(String raw, String normalised) {
        assertThat(TrackerAuthentication.normalised(raw)).isEqualTo(normalised);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "/api, true",
        "/api/issues, true",
        "/apidocs, false",
        "/api-docs/index.html, false",
        "/index.xhtml, false"
    })
    void theApiIsItsPathAndWhatIsUnderIt(String path, boolean api) {
        assertThat(TrackerAuthentication.isApiPath(path)).isEqualTo(api);
    }

    @ParameterizedTest(name = "{0} {1} (routed to {2}): the session signs it in: {3}")
    @CsvSource({
        "POST, /issuetracker/api/issues/1/votes, /api, false",
        "POST, /issuetracker/%61pi/issues/1/votes, /api, false",
        "POST, /issuetracker/api;jsessionid=abc/issues/1/votes, /api, false",
        "POST, /issuetracker//api/issues/1/votes, /api, false",
        "DELETE, /issuetracker/api;x=y/issues/1/votes, /api, false",
        "POST, /issuetracker/%61pi/issues/1/votes, /%61pi, false",
        "GET, /issuetracker/%61pi/issues/1, /api, true",
        "POST, /issuetracker/issues/view.xhtml, /issues/view.xhtml, true"
    })
    void aSessionSignsInNoApiWriteHoweverItsUriIsSpelled(
            String method, String uri, String servletPath, boolean signedIn) {
        assertThat(TrackerAuthentication.sessionMaySignIn(request(method, uri, servletPath)))
                .isEqualTo(signedIn);
    }

    /** A request as the container hands it over after routing it. */
    private static HttpServletRequest request(String method, String uri, String servletPath) {
        Map<String, String> answers = Map.of(
                "getMethod", method,
                "getRequestURI", uri,
                "getContextPath", "/issuetracker",
                "getServletPath", servletPath);
        return (HttpServletRequest) Proxy.newProxyInstance(
                HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, called, arguments) -> answers.get(called.getName()));
    }
}
