package org.issuetracker.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CrossSiteWriteGuardTest {

    private static final URI SERVER = URI.create("https://tracker.example/api/");

    @Test
    void whatTheBrowserSaysOfTheRequestDecides() {
        assertThat(CrossSiteWriteGuard.sameOrigin("same-origin", null, SERVER)).isTrue();
        assertThat(CrossSiteWriteGuard.sameOrigin("none", null, SERVER)).isTrue();
        assertThat(CrossSiteWriteGuard.sameOrigin("cross-site", "https://tracker.example", SERVER))
                .isFalse();
        assertThat(CrossSiteWriteGuard.sameOrigin("same-site", null, SERVER))
                .as("a sibling subdomain is another site's page too")
                .isFalse();
    }

    @Test
    void withoutFetchMetadataTheOriginMustBeThisServer() {
        assertThat(CrossSiteWriteGuard.sameOrigin(null, "https://tracker.example", SERVER))
                .isTrue();
        assertThat(CrossSiteWriteGuard.sameOrigin(null, "https://tracker.example:443", SERVER))
                .isTrue();
        assertThat(CrossSiteWriteGuard.sameOrigin(null, "https://evil.example", SERVER))
                .isFalse();
        assertThat(CrossSiteWriteGuard.sameOrigin(null, "http://tracker.example", SERVER))
                .isFalse();
        assertThat(CrossSiteWriteGuard.sameOrigin(null, "https://tracker.example:8443", SERVER))
                .isFalse();
        assertThat(CrossSiteWriteGuard.sameOrigin(null, "null", SERVER)).isFalse();
    }

    @Test
    void anApiClientThatSaysNothingIsLetThrough() {
        assertThat(CrossSiteWriteGuard.sameOrigin(null, null, SERVER)).isTrue();
    }
}
