package org.clientela.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientela.shared.Refusals.assertRefused;

import org.junit.jupiter.api.Test;

class BikUnitTest {

    @Test
    void acceptsNineDigitsStartingWith04() {
        // Sberbank, Moscow
        assertThat(Bik.parse(" 044525225 ", "bik").value()).isEqualTo("044525225");
        assertThat(Bik.isValid("044525225")).isTrue();
    }

    @Test
    void acceptsATreasuryBodysBik() {
        // УФК по г. Москве and the Treasury's interregional operational department
        assertThat(Bik.parse("004525988", "bik").isTreasury()).isTrue();
        assertThat(Bik.parse("024501901", "bik").isTreasury()).isTrue();
        assertThat(Bik.parse("044525225", "bik").isTreasury()).isFalse();
    }

    @Test
    void refusesAnythingElse() {
        assertRefused(() -> Bik.parse("034525225", "bik"), "bik", "shared.bik.format");
        assertRefused(() -> Bik.parse("144525225", "bik"), "bik", "shared.bik.format");
        assertRefused(() -> Bik.parse("04452522", "bik"), "bik", "shared.bik.format");
        assertRefused(() -> Bik.parse("0445252250", "bik"), "bik", "shared.bik.format");
        assertRefused(() -> Bik.parse("04452522S", "bik"), "bik", "shared.bik.format");
        assertRefused(() -> Bik.parse("044 525 225", "bik"), "bik", "shared.bik.format");
        assertRefused(() -> Bik.parse(null, "bank.bik"), "bank.bik", "shared.bik.format");
        assertThat(Bik.isValid("144525225")).isFalse();
    }

    @Test
    void theConstructorTreatsABadValueAsABug() {
        assertThatThrownBy(() -> new Bik("144525225")).isInstanceOf(IllegalArgumentException.class);
    }
}
