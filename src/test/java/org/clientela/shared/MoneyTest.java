package org.clientela.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void roundsHalfUpToKopecksWhenMade() {
        assertThat(Money.rubles("10.005").amount()).isEqualByComparingTo("10.01");
        assertThat(Money.rubles("10.004").amount()).isEqualByComparingTo("10.00");
        assertThat(Money.rubles("-10.005").amount()).isEqualByComparingTo("-10.01");
    }

    @Test
    void addsAndMultipliesExactly() {
        // 0.1 + 0.2 is exactly 0.30, unlike with double
        assertThat(Money.rubles("0.10").plus(Money.rubles("0.20"))).isEqualTo(Money.rubles("0.30"));
        // 3 glass units at 1 234,57 ₽ with VAT 20 %: 3 703,71 × 1,2 = 4 444,452 → 4 444,45
        assertThat(Money.rubles("1234.57").times(new BigDecimal("3")).times(new BigDecimal("1.2")))
                .isEqualTo(Money.rubles("4444.45"));
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.rubles("1").plus(new Money(BigDecimal.ONE, Currency.getInstance("EUR"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
