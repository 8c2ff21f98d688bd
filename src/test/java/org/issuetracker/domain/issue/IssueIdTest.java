package org.issuetracker.domain.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.issuetracker.domain.shared.MalformedIdException;
import org.junit.jupiter.api.Test;

class IssueIdTest {

    @Test
    void acceptsObjectIdTextInEitherCase() {
        assertThat(IssueId.parse(" 6B077D608BC1CE7D1922F821 ").value()).isEqualTo("6b077d608bc1ce7d1922f821");
        assertThat(IssueId.parse("6b077d608bc1ce7d1922f821")).hasToString("6b077d608bc1ce7d1922f821");
    }

    @Test
    void refusesAnythingElseAsNotFound() {
        for (String text : new String[] {"", "abc", "6b077d608bc1ce7d1922f82g", "{\"$gt\":\"\"}", null}) {
            assertThatThrownBy(() -> IssueId.parse(text))
                    .isInstanceOf(MalformedIdException.class)
                    .hasMessageContaining("is not an issue id");
        }
    }

    @Test
    void newIssueTrimsTreatsBlankAsMissingAndNormalizesLabels() {
        NewIssue issue = new NewIssue("  Title  ", " \t ", "c", List.of(" VPN ", "vpn", "", "Network"));
        assertThat(issue.title()).isEqualTo("Title");
        assertThat(issue.description()).isNull();
        assertThat(issue.labels()).containsExactly("vpn", "network");
    }
}
