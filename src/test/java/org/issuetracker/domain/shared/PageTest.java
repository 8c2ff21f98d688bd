package org.issuetracker.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void knowsItsNeighbours() {
        Page<String> middle = Page.of(List.of("c", "d"), new PageRequest(1, 2), 5);
        assertThat(middle.pageCount()).isEqualTo(3);
        assertThat(middle.hasPrevious()).isTrue();
        assertThat(middle.hasNext()).isTrue();

        Page<String> last = Page.of(List.of("e"), new PageRequest(2, 2), 5);
        assertThat(last.hasNext()).isFalse();
    }

    @Test
    void anEmptyListHasOneEmptyPage() {
        Page<String> empty = Page.of(List.of(), PageRequest.first(), 0);
        assertThat(empty.pageCount()).isEqualTo(1);
        assertThat(empty.hasNext()).isFalse();
        assertThat(empty.hasPrevious()).isFalse();
    }

    @Test
    void requestsStayWithinBounds() {
        assertThat(new PageRequest(3, 20).offset()).isEqualTo(60);
        assertThatThrownBy(() -> new PageRequest(-1, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PageRequest(0, 101)).isInstanceOf(IllegalArgumentException.class);
    }
}
