package org.issuetracker.application.caching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestMemoTest {

    @Test
    void aWriteForgetsWhatTheRequestReadInThatRegionOnly() {
        RequestMemo memo = new RequestMemo();
        String issue = RequestMemo.key(CacheRegion.ISSUES, "find", "6560f1e2a1b2c3d4e5f60718");
        String category = RequestMemo.key(CacheRegion.REFERENCE, "all", "(CATEGORY)");
        memo.put(issue, "the issue");
        memo.put(category, "the categories");

        memo.forget(new CacheInvalidation(CacheRegion.ISSUES, "6560f1e2a1b2c3d4e5f60718"));

        assertThat(memo.get(issue)).isNull();
        assertThat(memo.get(category)).isEqualTo("the categories");
    }

    @Test
    void regionsWhoseNamesStartAlikeAreNotConfused() {
        RequestMemo memo = new RequestMemo();
        String query = RequestMemo.key(CacheRegion.ISSUE_QUERIES, "search", "(q)");
        memo.put(query, "a page");

        memo.forget(new CacheInvalidation(CacheRegion.ISSUES, null));

        assertThat(memo.get(query)).isEqualTo("a page"); // "issues|" is not a prefix of "issue-queries|"
    }
}
