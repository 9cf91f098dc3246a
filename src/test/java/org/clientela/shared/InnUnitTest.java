package org.clientela.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientela.shared.Refusals.assertRefused;

import org.junit.jupiter.api.Test;

class InnUnitTest {

    /**
     * Sberbank. Digits 7 7 0 7 0 8 3 8 9 times weights 2 4 10 3 5 9 4 6 8:
     * 14 + 28 + 0 + 21 + 0 + 72 + 12 + 48 + 72 = 267; 267 = 24 × 11 + 3; 3 mod 10 = 3, the 10th digit.
     */
    private static final String SBERBANK = "7707083893";

    /**
     * A sole trader's ИНН (region 50, Moscow oblast), made up and checked by hand.
     * 11th digit: 5 0 0 1 0 0 7 3 2 2 times 7 2 4 10 3 5 9 4 6 8 = 35 + 0 + 0 + 10 + 0 + 0 + 63 + 12 + 12 + 16
     * = 148 = 13 × 11 + 5 → 5.
     * 12th digit: 5 0 0 1 0 0 7 3 2 2 5 times 3 7 2 4 10 3 5 9 4 6 8 = 15 + 0 + 0 + 4 + 0 + 0 + 35 + 27 + 8 + 12
     * + 40 = 141 = 12 × 11 + 9 → 9.
     */
    private static final String SOLE_TRADER = "500100732259";

    @Test
    void acceptsAnOrganisationsInn() {
        Inn inn = Inn.parse(SBERBANK, "inn");

        assertThat(inn.value()).isEqualTo(SBERBANK);
        assertThat(inn.isSoleTrader()).isFalse();
        assertThat(Inn.isValid(SBERBANK)).isTrue();
    }

    @Test
    void acceptsASoleTradersInn() {
        Inn inn = Inn.parse(SOLE_TRADER, "inn");

        assertThat(inn.value()).isEqualTo(SOLE_TRADER);
        assertThat(inn.isSoleTrader()).isTrue();
    }

    @Test
    void dropsTheSpacesAroundIncludingNoBreakOnes() {
        assertThat(Inn.parse("  7707083893\t", "inn")).isEqualTo(new Inn(SBERBANK));
        assertThat(Inn.parse("\u00A07707083893\u00A0", "inn")).isEqualTo(new Inn(SBERBANK));
    }

    @Test
    void refusesAWrongCheckDigit() {
        assertRefused(() -> Inn.parse("7707083894", "inn"), "inn", "shared.inn.checksum");
        // a wrong 11th digit, and a right 11th with a wrong 12th
        assertRefused(() -> Inn.parse("500100732269", "inn"), "inn", "shared.inn.checksum");
        assertRefused(() -> Inn.parse("500100732258", "inn"), "inn", "shared.inn.checksum");
        assertThat(Inn.isValid("7707083894")).isFalse();
    }

    @Test
    void refusesSwappedNeighbours() {
        // 0 7 swapped to 7 0 at the 3rd and 4th digit: the sum changes by 10·7 − 3·7 + 3·0 − 10·0 = 49 ≢ 0 (mod 11)
        assertRefused(() -> Inn.parse("7770083893", "contractor.inn"), "contractor.inn", "shared.inn.checksum");
    }

    @Test
    void refusesLettersAndSpacesInside() {
        assertRefused(() -> Inn.parse("770708389O", "inn"), "inn", "shared.inn.digitsOnly");
        assertRefused(() -> Inn.parse("7707 083893", "inn"), "inn", "shared.inn.digitsOnly");
        assertRefused(() -> Inn.parse("7707-083893", "inn"), "inn", "shared.inn.digitsOnly");
        // Arabic-Indic digits are digits to Character.isDigit, not to the tax office
        assertRefused(() -> Inn.parse("٧٧٠٧٠٨٣٨٩٣", "inn"), "inn", "shared.inn.digitsOnly");
    }

    @Test
    void refusesAnyLengthButTenAndTwelve() {
        assertRefused(() -> Inn.parse("770708389", "inn"), "inn", "shared.inn.length");
        assertRefused(() -> Inn.parse("77070838930", "inn"), "inn", "shared.inn.length");
        assertRefused(() -> Inn.parse("5001007322590", "inn"), "inn", "shared.inn.length");
        assertRefused(() -> Inn.parse("", "inn"), "inn", "shared.inn.length");
        assertRefused(() -> Inn.parse("   ", "inn"), "inn", "shared.inn.length");
        assertRefused(() -> Inn.parse(null, "inn"), "inn", "shared.inn.length");
    }

    @Test
    void aCheckDigitCannotCatchEveryTypo() {
        // Mod 11 then mod 10 makes remainders 0 and 10 both the check digit 0, so a one-digit change
        // between them goes unnoticed. 5707083890: the sum is 267 − 2·2 = 263 = 23 × 11 + 10 → 0.
        // 5700083890: 7 → 0 at the 4th digit (weight 3) takes 21 off: 242 = 22 × 11 + 0 → 0 again.
        assertThat(Inn.isValid("5707083890")).isTrue();
        assertThat(Inn.isValid("5700083890")).isTrue();
    }

    @Test
    void anOrganisationNeedsAKppASoleTraderHasNone() {
        Inn organisation = new Inn(SBERBANK);
        Inn soleTrader = new Inn(SOLE_TRADER);
        Kpp kpp = new Kpp("773601001");

        organisation.requireKppRule(kpp, "kpp");
        soleTrader.requireKppRule(null, "kpp");
        assertRefused(() -> organisation.requireKppRule(null, "kpp"), "kpp", "shared.kpp.required");
        assertRefused(() -> soleTrader.requireKppRule(kpp, "kpp"), "kpp", "shared.kpp.notForSoleTrader");
    }

    @Test
    void theConstructorTreatsABadValueAsABug() {
        assertThatThrownBy(() -> new Inn("7707083894")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shared.inn.checksum");
        // the constructor takes a clean value: trimming is parse's job
        assertThatThrownBy(() -> new Inn(" 7707083893")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Inn(null)).isInstanceOf(NullPointerException.class);
    }
}
