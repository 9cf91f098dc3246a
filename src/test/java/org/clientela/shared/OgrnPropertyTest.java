package org.clientela.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clientela.shared.Numbers.ogrnRemainder;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The check digit of an ОГРН is the number before it mod 11 (ОГРНИП: mod 13), then mod 10. A
 * change of one digit changes that remainder (10ⁿ is never a multiple of 11 or 13), so it is
 * caught unless the old and the new remainder end in the same digit: 0 and 10 for an ОГРН;
 * 0 and 10, 1 and 11, 2 and 12 for an ОГРНИП.
 */
class OgrnPropertyTest {

    @Provide
    Arbitrary<String> organisation() {
        return Numbers.digits(12).map(Numbers::ogrn);
    }

    @Provide
    Arbitrary<String> organisationWithUnambiguousCheckDigit() {
        return organisation().filter(ogrn -> ogrnRemainder(ogrn) != 0 && ogrnRemainder(ogrn) != 10);
    }

    @Provide
    Arbitrary<String> soleTrader() {
        return Numbers.digits(14).map(Numbers::ogrn);
    }

    @Provide
    Arbitrary<String> soleTraderWithUnambiguousCheckDigit() {
        return soleTrader().filter(ogrnip -> ogrnRemainder(ogrnip) >= 3 && ogrnRemainder(ogrnip) <= 9);
    }

    @Provide
    Arbitrary<String> organisationOrSoleTrader() {
        return Arbitraries.oneOf(organisation(), soleTrader());
    }

    @Property
    void everyGeneratedOgrnParses(@ForAll("organisation") String ogrn) {
        assertThat(Ogrn.parse(ogrn, "ogrn").isSoleTrader()).isFalse();
    }

    @Property
    void everyGeneratedOgrnipParses(@ForAll("soleTrader") String ogrnip) {
        assertThat(Ogrn.parse(ogrnip, "ogrn").isSoleTrader()).isTrue();
    }

    @Property
    void everySingleDigitChangeOfAnOgrnFails(@ForAll("organisationWithUnambiguousCheckDigit") String ogrn) {
        for (Numbers.Change change : Numbers.singleDigitChanges(ogrn)) {
            assertThat(Ogrn.isValid(change.changed())).as(change.toString()).isFalse();
        }
    }

    @Property
    void everySingleDigitChangeOfAnOgrnipFails(@ForAll("soleTraderWithUnambiguousCheckDigit") String ogrnip) {
        for (Numbers.Change change : Numbers.singleDigitChanges(ogrnip)) {
            assertThat(Ogrn.isValid(change.changed())).as(change.toString()).isFalse();
        }
    }

    @Property
    void aChangeThatPassesKeptTheLastDigitOfTheRemainder(@ForAll("organisationOrSoleTrader") String number) {
        for (Numbers.Change change : Numbers.singleDigitChanges(number)) {
            if (Ogrn.isValid(change.changed())) {
                int before = ogrnRemainder(number);
                int after = ogrnRemainder(change.changed());
                assertThat(change.position()).as(change.toString()).isLessThan(number.length() - 1);
                assertThat(after).as(change.toString()).isNotEqualTo(before);
                assertThat(after % 10).as(change.toString()).isEqualTo(before % 10);
            }
        }
    }
}
