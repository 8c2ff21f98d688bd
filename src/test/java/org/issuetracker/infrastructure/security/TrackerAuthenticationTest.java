package org.issuetracker.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

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
}
