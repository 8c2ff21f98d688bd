package org.issuetracker.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BasicChallengeTest {

    @Test
    void anApiClientThatSendsNoneOfWhatBrowsersAddGetsTheChallenge() {
        assertThat(BasicChallenge.fromBrowser(null, null, null, null, null)).isFalse();
        assertThat(BasicChallenge.fromBrowser(null, null, null, null, "application/json"))
                .isFalse();
        assertThat(BasicChallenge.fromBrowser(null, null, null, null, "*/*")).isFalse();
    }

    @Test
    void aBrowserIsKnownByItsCookieOriginFetchMetadataOrHtmlAccept() {
        assertThat(BasicChallenge.fromBrowser("JSESSIONID=x", null, null, null, null))
                .isTrue();
        assertThat(BasicChallenge.fromBrowser(null, "https://evil.example", null, null, null))
                .isTrue();
        assertThat(BasicChallenge.fromBrowser(null, null, "navigate", null, null))
                .isTrue();
        assertThat(BasicChallenge.fromBrowser(null, null, null, "cross-site", null))
                .isTrue();
        assertThat(BasicChallenge.fromBrowser(null, null, null, null, "text/html,application/xhtml+xml,*/*;q=0.8"))
                .isTrue();
    }
}
