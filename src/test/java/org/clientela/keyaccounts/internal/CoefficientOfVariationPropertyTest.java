package org.clientela.keyaccounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.clientela.keyaccounts.internal.Classification.Series;
import org.clientela.keyaccounts.internal.Classification.Variation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The coefficient of variation shown beside the XYZ class is computed in integers from a double's
 * estimate; on any monthly sales (kopecks, up to a billion roubles a month, returns included) it
 * equals σ / μ taken with a 40-digit decimal root and rounded half up to hundredths of a percent.
 */
class CoefficientOfVariationPropertyTest {

    private static final MathContext FORTY_DIGITS = new MathContext(40);

    @Provide
    Arbitrary<List<BigDecimal>> months() {
        Arbitrary<BigDecimal> month = Arbitraries.oneOf(
                Arbitraries.longs().between(-5_000_000_00L, 100_000_000_000_00L),
                Arbitraries.longs().between(0, 1_000_00L))
                .map(kopecks -> BigDecimal.valueOf(kopecks, 2));
        return month.list().ofMinSize(1).ofMaxSize(36);
    }

    /**
     * Two months a and b have σ / μ = |a − b| / (a + b): 10 000.50 and 9 999.50 are exactly 0.005 %,
     * a half that rounds up; a kopeck less apart is just below it. Random months hardly ever fall on
     * such a tie, where the double's estimate alone cannot decide.
     */
    @Example
    void aTieRoundsHalfUpAndJustBelowItRoundsDown() {
        assertThat(variationOf("10000.50", "9999.50").percent()).isEqualByComparingTo("0.01");
        assertThat(variationOf("10000.49", "9999.50").percent()).isEqualByComparingTo("0.00");
        assertThat(variationOf("10000.51", "9999.50").percent()).isEqualByComparingTo("0.01");
    }

    private static Variation variationOf(String... months) {
        List<BigDecimal> values = Arrays.stream(months).map(BigDecimal::new).toList();
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal squares = values.stream().map(value -> value.multiply(value)).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        return Variation.of(new Series(UUID.randomUUID(), "Клиент", sum, squares, values.size()));
    }

    @Property
    void equalsTheRootToFortyDigitsRoundedHalfUp(@ForAll("months") List<BigDecimal> months) {
        BigDecimal sum = months.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal squares = months.stream().map(value -> value.multiply(value)).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        Variation variation = Variation.of(new Series(UUID.randomUUID(), "Клиент", sum, squares, months.size()));

        if (sum.signum() <= 0) {
            assertThat(variation.percent()).isNull();
        } else {
            BigDecimal expected = variation.spread().sqrt(FORTY_DIGITS).multiply(BigDecimal.valueOf(100))
                    .divide(sum, FORTY_DIGITS).setScale(2, RoundingMode.HALF_UP);
            assertThat(variation.percent()).isEqualTo(expected);
        }
    }
}
