package org.clientela.clients.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The ids of an import ascend as UUIDs and as text, so that their indexes grow at the end. */
class AscendingIdsUnitTest {

    @Test
    void idsAscendAsUuidsAndAsTextAndAreVersion7() {
        CompanyImport.AscendingIds ids = new CompanyImport.AscendingIds(Instant.parse("2026-11-27T08:00:00Z"));
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            made.add(ids.next());
        }

        assertThat(made).isSorted().doesNotHaveDuplicates();
        assertThat(made.stream().map(UUID::toString).toList()).isSorted();
        assertThat(made).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        });
        assertThat(made.get(0).toString()).startsWith("01a21c04-b400-7"); // the milliseconds of the time given
    }
}
