package org.clientela.shared;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The control key of an account: weights 7, 1, 3 are all prime to 10, so a change of any one
 * digit changes the sum's last digit. Every single-digit change fails, without exceptions.
 */
class BankAccountPropertyTest {

    record Account(String number, Bik bik) {
    }

    @Provide
    Arbitrary<Bik> bik() {
        return Numbers.digits(7).map(digits -> new Bik("04" + digits));
    }

    @Provide
    Arbitrary<Account> settlement() {
        return Combinators.combine(bik(), Numbers.digits(19))
                .as((bik, digits) -> new Account(Numbers.account(bik.value().substring(6, 9), digits), bik));
    }

    @Provide
    Arbitrary<Account> correspondent() {
        return Combinators.combine(bik(), Numbers.digits(16))
                .as((bik, digits) -> new Account(
                        Numbers.account("0" + bik.value().substring(4, 6), "301" + digits), bik));
    }

    @Property
    void everyGeneratedSettlementAccountParses(@ForAll("settlement") Account account) {
        assertThat(BankAccount.settlement(account.number(), account.bik(), "account").value())
                .isEqualTo(account.number());
    }

    @Property
    void everyGeneratedCorrespondentAccountParses(@ForAll("correspondent") Account account) {
        assertThat(BankAccount.correspondent(account.number(), account.bik(), "account").value())
                .isEqualTo(account.number());
    }

    @Property
    void everySingleDigitChangeOfASettlementAccountFails(@ForAll("settlement") Account account) {
        for (Numbers.Change change : Numbers.singleDigitChanges(account.number())) {
            assertThat(BankAccount.isValidSettlement(change.changed(), account.bik())).as(change.toString()).isFalse();
        }
    }

    @Property
    void everySingleDigitChangeOfACorrespondentAccountFails(@ForAll("correspondent") Account account) {
        for (Numbers.Change change : Numbers.singleDigitChanges(account.number())) {
            assertThat(BankAccount.isValidCorrespondent(change.changed(), account.bik()))
                    .as(change.toString()).isFalse();
        }
    }

    @Property
    void aSettlementAccountFailsWithABikDifferentInTheLastThreeDigits(@ForAll("settlement") Account account) {
        for (Numbers.Change change : Numbers.singleDigitChanges(account.bik().value())) {
            if (change.position() < 2) {
                continue; // not a БИК without its 04
            }
            Bik other = new Bik(change.changed());
            boolean keyDigits = change.position() >= 6;
            assertThat(BankAccount.isValidSettlement(account.number(), other)).as(change.toString())
                    .isEqualTo(!keyDigits);
        }
    }
}
