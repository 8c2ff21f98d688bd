package org.issuetracker.application.caching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.issuetracker.domain.issue.Approval;
import org.issuetracker.domain.issue.IssueQuery;
import org.issuetracker.domain.issue.IssueQuery.Visibility;
import org.issuetracker.domain.issue.IssueSort;
import org.issuetracker.domain.shared.PageRequest;
import org.junit.jupiter.api.Test;

class CacheKeysTest {

    /** Texts chosen to look like other values' printed forms, the encoding's own syntax included. */
    static final List<String> TEXTS = Arrays.asList(
            null,
            "null",
            "",
            " ",
            "a",
            "a, b",
            "a,b",
            "[a, b]",
            "[]",
            "~",
            "s4:null",
            "s0:",
            "l1[",
            "]",
            "T",
            "F",
            "IssueQuery[text=null",
            "v",
            "0",
            "1");

    static final List<List<String>> LABELS = List.of(
            List.of(),
            List.of("a"),
            List.of("b"),
            List.of("a", "b"),
            List.of("b", "a"),
            List.of("a, b"),
            List.of("a,b"),
            List.of("null"),
            List.of("a", "b, c"),
            List.of("a, b", "c"));

    static final List<Visibility> VISIBILITIES = List.of(
            Visibility.ALL,
            Visibility.PUBLIC,
            Visibility.publicAndOwnOf("null"),
            Visibility.publicAndOwnOf("alice"),
            Visibility.publicAndOwnOf(""));

    @Test
    void distinctQueriesNeverShareAKeyAndEqualOnesAlwaysDo() {
        List<IssueQuery> queries = new ArrayList<>();
        for (String text : TEXTS) {
            for (List<String> labels : LABELS) {
                for (Visibility visibility : VISIBILITIES) {
                    queries.add(query(text, null, labels, null, visibility, new PageRequest(0, 20)));
                }
            }
        }
        for (String value : TEXTS) {
            queries.add(query(null, value, List.of(), null, Visibility.PUBLIC, new PageRequest(0, 20)));
            queries.add(query(null, null, List.of(), value, Visibility.PUBLIC, new PageRequest(0, 20)));
            queries.add(query(value, value, List.of(), value, Visibility.PUBLIC, new PageRequest(0, 20)));
        }
        for (int page = 0; page < 12; page++) {
            for (int size : new int[] {1, 2, 10, 11, 20, 100}) {
                queries.add(query(null, null, List.of(), null, Visibility.PUBLIC, new PageRequest(page, size)));
            }
        }
        for (Approval approval : Approval.values()) {
            for (IssueSort sort : IssueSort.values()) {
                queries.add(new IssueQuery(
                        null,
                        null,
                        null,
                        List.of(),
                        null,
                        null,
                        approval,
                        true,
                        Instant.EPOCH,
                        null,
                        sort,
                        null,
                        null));
                queries.add(new IssueQuery(
                        null,
                        null,
                        null,
                        List.of(),
                        null,
                        null,
                        approval,
                        false,
                        null,
                        Instant.EPOCH,
                        sort,
                        null,
                        null));
            }
        }

        Map<String, IssueQuery> byKey = new HashMap<>();
        for (IssueQuery query : queries) {
            IssueQuery earlier = byKey.putIfAbsent(CacheKeys.queryKey("search", query), query);
            assertThat(earlier == null || earlier.equals(query))
                    .as("%s and %s share a key", earlier, query)
                    .isTrue();
        }
        assertThat(byKey).hasSize(Set.copyOf(queries).size()).hasSizeGreaterThan(1000);
        IssueQuery again = query("a, b", null, List.of("A ", "b"), null, Visibility.PUBLIC, null);
        assertThat(CacheKeys.queryKey("search", again))
                .isEqualTo(CacheKeys.queryKey(
                        "search", query("a, b", null, List.of("a", "b"), null, Visibility.PUBLIC, null)));
    }

    @Test
    void theHomePageAndItsLookAlikesHaveDifferentKeys() {
        PageRequest first = PageRequest.first();
        String home = CacheKeys.queryKey("search", query(null, null, List.of(), null, Visibility.PUBLIC, first));

        assertThat(CacheKeys.queryKey("search", query("null", null, List.of(), null, Visibility.PUBLIC, first)))
                .isNotEqualTo(home);
        assertThat(CacheKeys.queryKey("search", query(null, null, List.of("a, b"), null, Visibility.PUBLIC, first)))
                .isNotEqualTo(CacheKeys.queryKey(
                        "search", query(null, null, List.of("a", "b"), null, Visibility.PUBLIC, first)));
        assertThat(CacheKeys.queryKey(
                        "search", query(null, null, List.of(), null, Visibility.publicAndOwnOf("null"), first)))
                .isNotEqualTo(home);
    }

    @Test
    void argumentsAreKeptApartWhateverTheirText() {
        assertThat(CacheKeys.queryKey("labelsStartingWith", "a,1", 2))
                .isNotEqualTo(CacheKeys.queryKey("labelsStartingWith", "a", 12));
        assertThat(CacheKeys.queryKey("labelsStartingWith", "null", 10))
                .isNotEqualTo(CacheKeys.queryKey("labelsStartingWith", null, 10));
        assertThat(CacheKeys.queryKey("m", "1")).isNotEqualTo(CacheKeys.queryKey("m", 1));
        assertThat(CacheKeys.queryKey("m", 1)).isNotEqualTo(CacheKeys.queryKey("m", 1L));
        assertThat(CacheKeys.queryKey("m", "a", "b")).isNotEqualTo(CacheKeys.queryKey("m", List.of("a", "b")));
        assertThat(CacheKeys.queryKey("m", "true")).isNotEqualTo(CacheKeys.queryKey("m", true));
    }

    @Test
    void aTypeWithoutACanonicalFormIsRefusedRatherThanPrinted() {
        assertThatThrownBy(() -> CacheKeys.queryKey("m", new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> CacheKeys.queryKey("m", Set.of("a"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static IssueQuery query(
            String text, String status, List<String> labels, String author, Visibility visibility, PageRequest page) {
        return new IssueQuery(
                text,
                status,
                null,
                labels,
                author,
                null,
                Approval.APPROVED,
                false,
                null,
                null,
                IssueSort.NEWEST,
                page,
                visibility);
    }
}
