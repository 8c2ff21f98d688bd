package org.issuetracker.application.caching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingInvalidationsTest {

    /** Records what was replayed; can be told to fail, as an unreachable cache would. */
    static final class RecordingTarget implements PendingInvalidations.Target {
        final List<String> done = new ArrayList<>();
        boolean failing;

        @Override
        public void newGeneration(CacheRegion region, String aspect) {
            record("generation " + region.regionName() + (aspect == null ? "" : "#" + aspect));
        }

        @Override
        public void evict(CacheRegion region, String key) {
            record("evict " + region.regionName() + " " + key);
        }

        @Override
        public void clear(CacheRegion region) {
            record("clear " + region.regionName());
        }

        private void record(String what) {
            if (failing) {
                throw new IllegalStateException("cache down");
            }
            done.add(what);
        }
    }

    @Test
    void replaysEachInvalidationOnce() {
        PendingInvalidations pending = new PendingInvalidations();
        pending.add(CacheRegion.ISSUE_QUERIES, null);
        pending.add(CacheRegion.ISSUE_QUERIES, null);
        pending.add(CacheRegion.ISSUES, "a1");
        pending.add(CacheRegion.ISSUES, "a1");
        pending.add(CacheRegion.ISSUES, "b2");
        RecordingTarget target = new RecordingTarget();

        pending.replay(target);

        assertThat(target.done)
                .containsExactlyInAnyOrder("generation issue-queries", "evict issues a1", "evict issues b2");
        assertThat(pending.isEmpty()).isTrue();
        pending.replay(target);
        assertThat(target.done).hasSize(3);
    }

    @Test
    void anAspectsNewGenerationIsReplayedBesidesTheWholeRegions() {
        PendingInvalidations pending = new PendingInvalidations();
        pending.add(CacheRegion.ISSUE_QUERIES, "votes");
        pending.add(CacheRegion.ISSUE_QUERIES, "votes");
        pending.add(CacheRegion.ISSUE_QUERIES, null);
        RecordingTarget target = new RecordingTarget();

        pending.replay(target);

        assertThat(target.done).containsExactlyInAnyOrder("generation issue-queries#votes", "generation issue-queries");
    }

    @Test
    void whatFailsToReplayStaysPending() {
        PendingInvalidations pending = new PendingInvalidations();
        pending.add(CacheRegion.ISSUES, "a1");
        RecordingTarget target = new RecordingTarget();
        target.failing = true;

        assertThatThrownBy(() -> pending.replay(target)).hasMessage("cache down");
        assertThat(pending.isEmpty()).isFalse();

        target.failing = false;
        pending.replay(target);
        assertThat(target.done).containsExactly("evict issues a1");
    }

    @Test
    void tooManyKeysBecomeOneClear() {
        PendingInvalidations pending = new PendingInvalidations();
        for (int i = 0; i <= PendingInvalidations.MAX_KEYS; i++) {
            pending.add(CacheRegion.ISSUES, "id" + i);
        }
        RecordingTarget target = new RecordingTarget();

        pending.replay(target);

        assertThat(target.done).containsExactly("clear issues");
    }
}
