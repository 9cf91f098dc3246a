package org.clientela.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.clientela.catalog.UnitSize;
import org.junit.jupiter.api.Test;

/** The arithmetic of a client's price, every expected number worked out by hand. */
class PricingUnitTest {

    @Test
    void aDealersSingleChamberUnitByItsArea() {
        // 2 150,00 × 0,90 = 1 935,00 ₽/m²; 1,2 × 0,8 = 0,96 m²; 1 935,00 × 0,96 × 3 = 5 572,80 ₽
        Pricing pricing = Pricing.of(new BigDecimal("2150.00"), new BigDecimal("10"), BigDecimal.ZERO, new BigDecimal("3"),
                new UnitSize(new BigDecimal("1.2"), new BigDecimal("0.8")));

        assertThat(pricing.unitPrice()).isEqualByComparingTo("1935.00");
        assertThat(pricing.area()).isEqualByComparingTo("0.96");
        assertThat(pricing.billableArea()).isEqualByComparingTo("0.96");
        assertThat(pricing.lineAmount()).isEqualByComparingTo("5572.80");
        assertThat(pricing.lineAmount().scale()).isEqualTo(2);
    }

    @Test
    void aSmallUnitIsBilledAtTheMinimumArea() {
        // 0,4 × 0,5 = 0,20 m² < 0,3 m²; 1 935,00 × 0,3 × 2 = 1 161,00 ₽
        Pricing pricing = Pricing.of(new BigDecimal("2150.00"), new BigDecimal("10"), BigDecimal.ZERO, new BigDecimal("2"),
                new UnitSize(new BigDecimal("0.4"), new BigDecimal("0.5")));

        assertThat(pricing.area()).isEqualByComparingTo("0.20");
        assertThat(pricing.billableArea()).isEqualByComparingTo("0.3");
        assertThat(pricing.lineAmount()).isEqualByComparingTo("1161.00");
    }

    @Test
    void theUnitPriceAndTheLineAmountRoundHalfUpToKopecks() {
        // 2 155,55 × 0,85 = 1 832,2175 → 1 832,22; 0,5 × 0,7 = 0,35 m²; 1 832,22 × 0,35 = 641,277 → 641,28
        Pricing pricing = Pricing.of(new BigDecimal("2155.55"), new BigDecimal("15"), BigDecimal.ZERO, BigDecimal.ONE,
                new UnitSize(new BigDecimal("0.5"), new BigDecimal("0.7")));

        assertThat(pricing.unitPrice()).isEqualByComparingTo("1832.22");
        assertThat(pricing.lineAmount()).isEqualByComparingTo("641.28");
    }

    @Test
    void withoutASizeTheLineIsTheUnitPriceTimesTheQuantity() {
        // 4 500,00 × 1,00 = 4 500,00; × 2,5 = 11 250,00 ₽; cost 3 000,00 × 2,5 = 7 500,00
        Pricing pricing = Pricing.of(new BigDecimal("4500.00"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("2.5"), null);

        assertThat(pricing.unitPrice()).isEqualByComparingTo("4500.00");
        assertThat(pricing.area()).isNull();
        assertThat(pricing.lineAmount()).isEqualByComparingTo("11250.00");
        assertThat(pricing.cost(new BigDecimal("3000.00"), new BigDecimal("2.5"))).isEqualByComparingTo("7500.00");
    }

    @Test
    void aTierDiscountFollowsThePriceTypesOneSuccessively() {
        // 1 000,00 × 0,95 = 950,00; 950,00 × 0,97 = 921,50 (not 1 000,00 × 0,92 = 920,00); × 2 = 1 843,00
        Pricing pricing = Pricing.of(new BigDecimal("1000.00"), new BigDecimal("5"), new BigDecimal("3"),
                new BigDecimal("2"), null);

        assertThat(pricing.typeUnitPrice()).isEqualByComparingTo("950.00");
        assertThat(pricing.unitPrice()).isEqualByComparingTo("921.50");
        assertThat(pricing.lineAmount()).isEqualByComparingTo("1843.00");
    }

    @Test
    void eachDiscountRoundsHalfUpToKopecks() {
        // 333,33 × 0,93 = 309,9969 → 310,00; 310,00 × 0,975 = 302,25
        Pricing pricing = Pricing.of(new BigDecimal("333.33"), new BigDecimal("7"), new BigDecimal("2.5"),
                BigDecimal.ONE, null);

        assertThat(pricing.typeUnitPrice()).isEqualByComparingTo("310.00");
        assertThat(pricing.unitPrice()).isEqualByComparingTo("302.25");
    }
}
