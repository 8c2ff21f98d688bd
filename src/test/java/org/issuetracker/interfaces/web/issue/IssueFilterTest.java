package org.issuetracker.interfaces.web.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.issuetracker.domain.issue.Approval;
import org.issuetracker.domain.issue.IssueQuery;
import org.issuetracker.domain.issue.IssueSort;
import org.junit.jupiter.api.Test;

class IssueFilterTest {

    @Test
    void readsEveryCriterionFromTheUrlAndWritesTheSameUrlBack() {
        IssueFilter filter = IssueFilter.from(Map.of(
                "q", new String[] {" login fails "},
                "status", new String[] {"s1"},
                "category", new String[] {"c1"},
                "label", new String[] {"UI", "web,backend"},
                "author", new String[] {"alice"},
                "assignee", new String[] {"bob"},
                "sort", new String[] {"votes"},
                "page", new String[] {"3"},
                "size", new String[] {"50"}));

        IssueQuery query = filter.toQuery(IssueSort.NEWEST, 20);

        assertThat(query.text()).isEqualTo("login fails");
        assertThat(query.labels()).containsExactly("ui", "web", "backend");
        assertThat(query.statusId()).isEqualTo("s1");
        assertThat(query.categoryId()).isEqualTo("c1");
        assertThat(query.author()).isEqualTo("alice");
        assertThat(query.assignee()).isEqualTo("bob");
        assertThat(query.sort()).isEqualTo(IssueSort.VOTES);
        assertThat(query.page().page()).isEqualTo(2);
        assertThat(query.page().size()).isEqualTo(50);
        assertThat(query.approval()).as("the list shows approved issues only").isEqualTo(Approval.APPROVED);
        assertThat(query.archived()).isFalse();
        assertThat(filter.queryString())
                .isEqualTo("q=login+fails&status=s1&category=c1&author=alice&assignee=bob&sort=votes"
                        + "&label=ui&label=web&label=backend&size=50&page=3");
        assertThat(IssueFilter.from(parameters(filter.queryString()))).isEqualTo(filter);
    }

    @Test
    void nonsenseInAHandEditedUrlFallsBackToDefaults() {
        IssueFilter filter = IssueFilter.from(Map.of(
                "page", new String[] {"-7"},
                "size", new String[] {"100000"},
                "sort", new String[] {"sideways"},
                "q", new String[] {"   "}));

        IssueQuery query = filter.toQuery(IssueSort.UPDATED, 10);

        assertThat(query.page().page()).isZero();
        assertThat(query.page().size()).isEqualTo(10);
        assertThat(query.sort()).isEqualTo(IssueSort.UPDATED);
        assertThat(query.text()).isNull();
        assertThat(filter.isFiltered()).isFalse();
        assertThat(filter.queryString()).isEmpty();
    }

    @Test
    void aHugePageNumberStopsWhereTheOffsetStillFits() {
        IssueQuery query = IssueFilter.from(Map.of("page", new String[] {"2147483647"}, "size", new String[] {"100"}))
                .toQuery(IssueSort.NEWEST, 20);

        assertThat(query.page().offset()).isLessThanOrEqualTo(Integer.MAX_VALUE).isPositive();
    }

    @Test
    void addingOrRemovingALabelStartsAgainOnPageOne() {
        IssueFilter filter = new IssueFilter(null, null, null, List.of("ui"), null, null, null, 4, null);

        assertThat(filter.withLabel("web").queryString()).isEqualTo("label=ui&label=web");
        assertThat(filter.withoutLabel("ui").queryString()).isEmpty();
        assertThat(filter.onPage(2).queryString()).isEqualTo("label=ui&page=2");
    }

    @Test
    void aSearchWithANulCharacterIsNotRunButExplained() {
        IssueFilter filter = new IssueFilter("a\u0000b", null, null, List.of(), null, null, null, 1, null);

        assertThat(filter.exceededLimit()).hasValue("issues.filter.textUnsearchable");
        assertThat(new IssueFilter("a b", null, null, List.of(), null, null, null, 1, null).exceededLimit())
                .isEmpty();
    }

    private static Map<String, String[]> parameters(String query) {
        Map<String, List<String>> values = new java.util.LinkedHashMap<>();
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            values.computeIfAbsent(parts[0], k -> new java.util.ArrayList<>())
                    .add(java.net.URLDecoder.decode(parts[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        Map<String, String[]> result = new java.util.HashMap<>();
        values.forEach((k, v) -> result.put(k, v.toArray(String[]::new)));
        return result;
    }
}
