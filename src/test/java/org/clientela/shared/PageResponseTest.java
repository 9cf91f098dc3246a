package org.clientela.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PageResponseTest {

    @Test
    void anExactCountGivesThePages() {
        PageResponse<String> page = PageResponse.of(List.of("a", "b"), 0, 50, 101);
        assertThat(page.totalPages()).isEqualTo(3);
        assertThat(page.totalExact()).isTrue();
    }

    @Test
    void aCountPastTheCapSaysAtLeastTheCap() {
        PageResponse<String> capped = PageResponse.ofCappedCount(List.of("a"), 0, 50, 10_001, 10_000);
        assertThat(capped.totalElements()).isEqualTo(10_000);
        assertThat(capped.totalPages()).isEqualTo(200);
        assertThat(capped.totalExact()).isFalse();

        PageResponse<String> exact = PageResponse.ofCappedCount(List.of("a"), 0, 50, 10_000, 10_000);
        assertThat(exact.totalElements()).isEqualTo(10_000);
        assertThat(exact.totalExact()).isTrue();
    }
}
