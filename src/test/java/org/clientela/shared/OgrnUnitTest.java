package org.clientela.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientela.shared.Refusals.assertRefused;

import org.junit.jupiter.api.Test;

class OgrnUnitTest {

    /**
     * Sberbank. 102770013219 mod 11 by hand: 10 ≡ −1 (mod 11), so take the digits from the right
     * with alternating signs: 9 − 1 + 2 − 3 + 1 − 0 + 0 − 7 + 7 − 2 + 0 − 1 = 5 → 5, the 13th digit.
     */
    private static final String SBERBANK = "1027700132195";

    /**
     * A sole trader's ОГРНИП, made up and checked by hand: 30450011600015 mod 13 by long division,
     * carrying the remainder digit by digit: 3, 30→4, 44→5, 55→3, 30→4, 40→1, 11→11, 111→7, 76→11,
     * 110→6, 60→8, 80→2, 21→8, 85→7; 7 mod 10 = 7, the 15th digit.
     */
    private static final String SOLE_TRADER = "304500116000157";

    @Test
    void acceptsAnOrganisationsOgrn() {
        Ogrn ogrn = Ogrn.parse(" " + SBERBANK + " ", "ogrn");

        assertThat(ogrn.value()).isEqualTo(SBERBANK);
        assertThat(ogrn.isSoleTrader()).isFalse();
        assertThat(Ogrn.isValid(SBERBANK)).isTrue();
    }

    @Test
    void acceptsASoleTradersOgrnip() {
        Ogrn ogrnip = Ogrn.parse(SOLE_TRADER, "ogrn");

        assertThat(ogrnip.value()).isEqualTo(SOLE_TRADER);
        assertThat(ogrnip.isSoleTrader()).isTrue();
    }

    @Test
    void refusesAWrongCheckDigit() {
        assertRefused(() -> Ogrn.parse("1027700132196", "ogrn"), "ogrn", "shared.ogrn.checksum");
        assertRefused(() -> Ogrn.parse("304500116000158", "ogrn"), "ogrn", "shared.ogrn.checksum");
        assertThat(Ogrn.isValid("1027700132196")).isFalse();
    }

    @Test
    void refusesLettersAndSpacesInside() {
        assertRefused(() -> Ogrn.parse("102770013219S", "ogrn"), "ogrn", "shared.ogrn.digitsOnly");
        assertRefused(() -> Ogrn.parse("1 027700 132195", "ogrn"), "ogrn", "shared.ogrn.digitsOnly");
    }

    @Test
    void refusesAnyLengthButThirteenAndFifteen() {
        assertRefused(() -> Ogrn.parse("102770013219", "ogrn"), "ogrn", "shared.ogrn.length");
        assertRefused(() -> Ogrn.parse("10277001321950", "ogrn"), "ogrn", "shared.ogrn.length");
        assertRefused(() -> Ogrn.parse("3045001160001570", "ogrn"), "ogrn", "shared.ogrn.length");
        assertRefused(() -> Ogrn.parse(null, "ogrn"), "ogrn", "shared.ogrn.length");
    }

    @Test
    void anOgrnGoesWithAnOrganisationsInnAnOgrnipWithASoleTradersInn() {
        Inn organisation = new Inn("7707083893");
        Inn soleTrader = new Inn("500100732259");
        Ogrn ogrn = new Ogrn(SBERBANK);
        Ogrn ogrnip = new Ogrn(SOLE_TRADER);

        ogrn.requireMatches(organisation, "ogrn");
        ogrnip.requireMatches(soleTrader, "ogrn");
        assertRefused(() -> ogrn.requireMatches(soleTrader, "ogrn"), "ogrn", "shared.ogrn.kindMismatch");
        assertRefused(() -> ogrnip.requireMatches(organisation, "ogrn"), "ogrn", "shared.ogrn.kindMismatch");
    }

    @Test
    void theConstructorTreatsABadValueAsABug() {
        assertThatThrownBy(() -> new Ogrn("1027700132196")).isInstanceOf(IllegalArgumentException.class);
    }
}
