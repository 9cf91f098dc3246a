package org.clientela.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientela.shared.Refusals.assertRefused;

import org.junit.jupiter.api.Test;

class KppUnitTest {

    @Test
    void acceptsDigitsAndCapitalLatinLettersInTheReasonPart() {
        // Sberbank's КПП: tax office 7736, reason 01 (registered where it is), number 001
        assertThat(Kpp.parse("773601001", "kpp").value()).isEqualTo("773601001");
        // reasons 5–6 may be letters: 7707AB001
        assertThat(Kpp.parse("7707AB001", "kpp").value()).isEqualTo("7707AB001");
        assertThat(Kpp.parse(" 773601001 ", "kpp")).isEqualTo(new Kpp("773601001"));
        assertThat(Kpp.isValid("773601001")).isTrue();
    }

    @Test
    void refusesLowercaseCyrillicAndMisplacedLetters() {
        assertRefused(() -> Kpp.parse("7707ab001", "kpp"), "kpp", "shared.kpp.format");
        // Cyrillic А and В look like Latin A and B
        assertRefused(() -> Kpp.parse("7707АВ001", "kpp"), "kpp", "shared.kpp.format");
        assertRefused(() -> Kpp.parse("A73601001", "kpp"), "kpp", "shared.kpp.format");
        assertRefused(() -> Kpp.parse("77360100A", "kpp"), "kpp", "shared.kpp.format");
    }

    @Test
    void refusesAWrongLengthAndSpacesInside() {
        assertRefused(() -> Kpp.parse("77360100", "kpp"), "kpp", "shared.kpp.format");
        assertRefused(() -> Kpp.parse("7736010010", "kpp"), "kpp", "shared.kpp.format");
        assertRefused(() -> Kpp.parse("7736 01 001", "kpp"), "kpp", "shared.kpp.format");
        assertRefused(() -> Kpp.parse(null, "company.kpp"), "company.kpp", "shared.kpp.format");
        assertThat(Kpp.isValid("7707ab001")).isFalse();
    }

    @Test
    void theConstructorTreatsABadValueAsABug() {
        assertThatThrownBy(() -> new Kpp("7707ab001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Kpp(" 773601001")).isInstanceOf(IllegalArgumentException.class);
    }
}
