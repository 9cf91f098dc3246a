package org.clientela.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.clientela.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

class PagingUnitTest {

    final Paging paging = Paging.sortableBy(Map.of("fullName", "u.full_name", "team", "t.name"),
            Sort.by("fullName"));

    @Test
    void anUnsortedRequestGetsTheDefaultOrder() {
        PageRequest page = paging.check(PageRequest.of(2, 10));

        assertThat(page.getPageNumber()).isEqualTo(2);
        assertThat(page.getPageSize()).isEqualTo(10);
        assertThat(paging.orderBy(page, "u.id")).isEqualTo("u.full_name asc, u.id");
    }

    @Test
    void whitelistedPropertiesBecomeTheirColumns() {
        PageRequest page = paging.check(PageRequest.of(0, 20,
                Sort.by(Sort.Order.desc("team"), Sort.Order.asc("fullName"))));

        assertThat(paging.orderBy(page, "u.id")).isEqualTo("t.name desc, u.full_name asc, u.id");
    }

    @Test
    void anyOtherPropertyIsRefusedOnTheSortField() {
        assertThatThrownBy(() -> paging.check(PageRequest.of(0, 20, Sort.by("password_hash; drop table x"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("sort");
                    assertThat(e.messageKey()).isEqualTo("error.sort.unknown");
                    assertThat(e.arguments()).containsExactly("password_hash; drop table x", "fullName, team");
                });
    }

    @Test
    void misuseFailsEarly() {
        assertThatIllegalArgumentException().isThrownBy(() -> paging.check(Pageable.unpaged()));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Paging.sortableBy(Map.of("a", "a"), Sort.by("b")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> paging.orderBy(PageRequest.of(0, 1, Sort.by("unchecked")), "id"));
    }
}
