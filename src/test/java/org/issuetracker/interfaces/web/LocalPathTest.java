package org.issuetracker.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/index.xhtml", "/issues/view.xhtml?id=6b0790994acba6aa372119c9", "/dashboard.xhtml#top"})
    void aPathOfThisApplicationIsKept(String path) {
        assertThat(LocalPath.orHome(path)).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "//evil.example/",
                "https://evil.example/",
                "/\\evil.example",
                "/\t/evil.example",
                "/\n/evil.example",
                "/index.xhtml\r\nSet-Cookie: a=b",
                "/\u007f",
                "evil.example",
                ""
            })
    void anythingElseLeadsHome(String path) {
        assertThat(LocalPath.orHome(path)).isEqualTo("/index.xhtml");
    }

    @org.junit.jupiter.api.Test
    void nothingLeadsHome() {
        assertThat(LocalPath.orHome(null)).isEqualTo("/index.xhtml");
    }
}
