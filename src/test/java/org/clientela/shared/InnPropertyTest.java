package org.clientela.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clientela.shared.Numbers.INN_10;
import static org.clientela.shared.Numbers.INN_12_FIRST;
import static org.clientela.shared.Numbers.INN_12_SECOND;
import static org.clientela.shared.Numbers.innRemainder;

import java.util.Set;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The check digit of an ИНН is the weighted sum mod 11, then mod 10, so the remainders 0 and 10
 * both give 0. A change of one digit always changes the remainder (no weight is a multiple of 11),
 * so it is caught unless it moves the remainder between 0 and 10. Hence two properties: every
 * change fails when the remainder is neither 0 nor 10, and the changes that pass are exactly of
 * that one kind.
 */
class InnPropertyTest {

    private static final Set<Integer> AMBIGUOUS = Set.of(0, 10);

    @Provide
    Arbitrary<String> organisation() {
        return Numbers.digits(9).map(Numbers::inn10);
    }

    @Provide
    Arbitrary<String> organisationWithUnambiguousCheckDigit() {
        return organisation().filter(inn -> !AMBIGUOUS.contains(innRemainder(inn, INN_10)));
    }

    @Provide
    Arbitrary<String> soleTrader() {
        return Numbers.digits(10).map(Numbers::inn12);
    }

    @Provide
    Arbitrary<String> soleTraderWithUnambiguousFirstCheckDigit() {
        return soleTrader().filter(inn -> !AMBIGUOUS.contains(innRemainder(inn, INN_12_FIRST)));
    }

    @Property
    void everyGeneratedOrganisationInnParses(@ForAll("organisation") String inn) {
        assertThat(Inn.parse(inn, "inn").isSoleTrader()).isFalse();
    }

    @Property
    void everyGeneratedSoleTraderInnParses(@ForAll("soleTrader") String inn) {
        assertThat(Inn.parse(inn, "inn").isSoleTrader()).isTrue();
    }

    @Property
    void everySingleDigitChangeOfAnOrganisationInnFails(
            @ForAll("organisationWithUnambiguousCheckDigit") String inn) {
        for (Numbers.Change change : Numbers.singleDigitChanges(inn)) {
            assertThat(Inn.isValid(change.changed())).as(change.toString()).isFalse();
        }
    }

    @Property
    void everySingleDigitChangeOfASoleTraderInnFails(
            @ForAll("soleTraderWithUnambiguousFirstCheckDigit") String inn) {
        for (Numbers.Change change : Numbers.singleDigitChanges(inn)) {
            assertThat(Inn.isValid(change.changed())).as(change.toString()).isFalse();
        }
    }

    @Property
    void anOrganisationInnChangeThatPassesMovedTheRemainderBetweenZeroAndTen(@ForAll("organisation") String inn) {
        for (Numbers.Change change : Numbers.singleDigitChanges(inn)) {
            if (Inn.isValid(change.changed())) {
                assertThat(change.position()).as(change.toString()).isLessThan(9);
                assertThat(Set.of(innRemainder(inn, INN_10), innRemainder(change.changed(), INN_10)))
                        .as(change.toString()).isEqualTo(AMBIGUOUS);
            }
        }
    }

    @Property
    void aSoleTraderInnChangeThatPassesMovedBothRemaindersBetweenZeroAndTen(@ForAll("soleTrader") String inn) {
        for (Numbers.Change change : Numbers.singleDigitChanges(inn)) {
            if (Inn.isValid(change.changed())) {
                assertThat(change.position()).as(change.toString()).isLessThan(10);
                assertThat(Set.of(innRemainder(inn, INN_12_FIRST), innRemainder(change.changed(), INN_12_FIRST)))
                        .as(change.toString()).isEqualTo(AMBIGUOUS);
                assertThat(Set.of(innRemainder(inn, INN_12_SECOND), innRemainder(change.changed(), INN_12_SECOND)))
                        .as(change.toString()).isEqualTo(AMBIGUOUS);
            }
        }
    }
}
