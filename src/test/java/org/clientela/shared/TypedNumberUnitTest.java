package org.clientela.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class TypedNumberUnitTest {

    @Test
    void readsThousandsSpacesAndADecimalComma() {
        assertThat(TypedNumber.parse(" 1 250 000,50 ")).isEqualByComparingTo(new BigDecimal("1250000.50"));
        assertThat(TypedNumber.parse("2\u00a0150,5")).isEqualByComparingTo(new BigDecimal("2150.5"));
        assertThat(TypedNumber.parse("3\u202f000")).isEqualByComparingTo(new BigDecimal("3000"));
        assertThat(TypedNumber.parse("0.96")).isEqualByComparingTo(new BigDecimal("0.96"));
    }

    @Test
    void refusesWhatIsNoNumber() {
        assertThatThrownBy(() -> TypedNumber.parse("два")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> TypedNumber.parse("1,2,3")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> TypedNumber.parse(" ")).isInstanceOf(NumberFormatException.class);
    }
}
