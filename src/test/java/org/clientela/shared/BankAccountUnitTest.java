package org.clientela.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientela.shared.Refusals.assertRefused;

import org.clientela.shared.BankAccount.Kind;
import org.junit.jupiter.api.Test;

class BankAccountUnitTest {

    private static final Bik SBERBANK = new Bik("044525225");

    /**
     * Sberbank's correspondent account. Key digits: "0" + БИК digits 5–6 ("25") + the account:
     * 0 2 5 3 0 1 0 1 8 1 0 4 0 0 0 0 0 0 0 0 2 2 5 times 7 1 3 7 1 3 …:
     * 0 + 2 + 15 + 21 + 0 + 3 + 0 + 1 + 24 + 7 + 0 + 12 + 0 … 0 + 6 + 14 + 5 = 110, ends in 0.
     */
    private static final String SBERBANK_CORRESPONDENT = "30101810400000000225";

    /**
     * A settlement account at Sberbank, made up: 40702 (a commercial organisation) 810 (roubles),
     * key K, branch 3800, number 0123456. Key digits: БИК's last three "225" + the account:
     * 2 2 5 4 0 7 0 2 8 1 0 K 3 8 0 0 0 1 2 3 4 5 6 times 7 1 3 7 1 3 …:
     * 14 + 2 + 15 + 28 + 0 + 21 + 0 + 2 + 24 + 7 + 0 + 3K + 21 + 8 + 0 + 0 + 0 + 3 + 14 + 3 + 12 + 35 + 6
     * = 215 + 3K; it ends in 0 for K = 5 (230).
     */
    private static final String SETTLEMENT = "40702810538000123456";

    @Test
    void acceptsASettlementAccountThatMatchesItsBank() {
        BankAccount account = BankAccount.settlement(" " + SETTLEMENT + " ", SBERBANK, "account");

        assertThat(account.value()).isEqualTo(SETTLEMENT);
        assertThat(account.kind()).isEqualTo(Kind.SETTLEMENT);
        assertThat(account.bik()).isEqualTo(SBERBANK);
        assertThat(BankAccount.isValidSettlement(SETTLEMENT, SBERBANK)).isTrue();
    }

    @Test
    void acceptsSberbanksCorrespondentAccount() {
        BankAccount account = BankAccount.correspondent(SBERBANK_CORRESPONDENT, SBERBANK, "correspondentAccount");

        assertThat(account.value()).isEqualTo(SBERBANK_CORRESPONDENT);
        assertThat(account.kind()).isEqualTo(Kind.CORRESPONDENT);
        assertThat(BankAccount.isValidCorrespondent(SBERBANK_CORRESPONDENT, SBERBANK)).isTrue();
    }

    @Test
    void atTheTreasuryTheSingleTreasuryAccountIsKeyedAndATreasuryAccountHasItsShape() {
        // УФК по г. Москве: its single treasury account, and the treasury account taxes are paid to
        Bik moscowTreasury = new Bik("004525988");
        assertThat(BankAccount.isValidCorrespondent("40102810545370000003", moscowTreasury)).isTrue();
        assertThat(BankAccount.isValidSettlement("03100643000000017300", moscowTreasury)).isTrue();
        assertThat(BankAccount.isValidCorrespondent("40102810045370000002", new Bik("024501901"))).isTrue();

        assertRefused(() -> BankAccount.correspondent("40102810545370000004", moscowTreasury, "correspondentAccount"),
                "correspondentAccount", "shared.account.correspondentChecksum");
        assertRefused(() -> BankAccount.correspondent(SBERBANK_CORRESPONDENT, moscowTreasury, "correspondentAccount"),
                "correspondentAccount", "shared.account.format");
        assertRefused(() -> BankAccount.settlement(SETTLEMENT, moscowTreasury, "account"), "account",
                "shared.account.format");
    }

    @Test
    void refusesAWrongKey() {
        assertRefused(() -> BankAccount.settlement("40702810638000123456", SBERBANK, "account"),
                "account", "shared.account.settlementChecksum");
        assertRefused(() -> BankAccount.correspondent("30101810500000000225", SBERBANK, "correspondentAccount"),
                "correspondentAccount", "shared.account.correspondentChecksum");
    }

    @Test
    void refusesAnAccountGivenWithAnotherBank() {
        // VTB's БИК 044525187: same first six digits as Sberbank's, other last three
        Bik vtb = new Bik("044525187");
        assertRefused(() -> BankAccount.settlement(SETTLEMENT, vtb, "account"),
                "account", "shared.account.settlementChecksum");
        // a БИК from another region: digits 5–6 differ ("25" → "52")
        assertRefused(() -> BankAccount.correspondent(SBERBANK_CORRESPONDENT, new Bik("044552225"), "corr"),
                "corr", "shared.account.correspondentChecksum");
    }

    @Test
    void aSettlementAccountIsNotACorrespondentOneAndBack() {
        assertRefused(() -> BankAccount.correspondent(SETTLEMENT, SBERBANK, "corr"), "corr", "shared.account.format");
        // the correspondent key and the settlement key are computed over different БИК digits
        assertRefused(() -> BankAccount.settlement(SBERBANK_CORRESPONDENT, SBERBANK, "account"),
                "account", "shared.account.settlementChecksum");
    }

    @Test
    void refusesAWrongLengthLettersAndSpacesInside() {
        assertRefused(() -> BankAccount.settlement("4070281053800012345", SBERBANK, "account"),
                "account", "shared.account.format");
        assertRefused(() -> BankAccount.settlement("407028105380001234567", SBERBANK, "account"),
                "account", "shared.account.format");
        assertRefused(() -> BankAccount.settlement("4070281053800012345O", SBERBANK, "account"),
                "account", "shared.account.format");
        assertRefused(() -> BankAccount.settlement("40702 810 5 3800 0123456", SBERBANK, "account"),
                "account", "shared.account.format");
        assertRefused(() -> BankAccount.correspondent(null, SBERBANK, "corr"), "corr", "shared.account.format");
    }

    @Test
    void theConstructorTreatsABadValueAsABug() {
        assertThatThrownBy(() -> new BankAccount("40702810638000123456", Kind.SETTLEMENT, SBERBANK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new BankAccount(SETTLEMENT, Kind.SETTLEMENT, SBERBANK))
                .isEqualTo(BankAccount.settlement(SETTLEMENT, SBERBANK, "account"));
    }
}
