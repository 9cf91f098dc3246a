package org.clientela.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.clientela.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GlassFormulaUnitTest {

    @Test
    void aSingleChamberUnitIsGlassSpacerGlass() {
        GlassFormula formula = GlassFormula.parse("formula", " 4-16-4 ");

        assertThat(formula.text()).isEqualTo("4-16-4");
        assertThat(formula.layers()).containsExactly(4, 16, 4);
        assertThat(formula.chambers()).isEqualTo(1);
        assertThat(formula.thickness()).isEqualTo(24);
    }

    @Test
    void aDoubleChamberLowEmissionUnitKeepsItsGlassMark() {
        GlassFormula formula = GlassFormula.parse("formula", "4-14-4-14-4I");

        assertThat(formula.text()).isEqualTo("4-14-4-14-4i");
        assertThat(formula.layers()).isEqualTo(List.of(4, 14, 4, 14, 4));
        assertThat(formula.chambers()).isEqualTo(2);
        assertThat(formula.thickness()).isEqualTo(40);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4-16", "4-16-4-16", "4", "", "2-16-4", "4-16-13", "4-5-4", "4-25-4", "4-16i-4",
            "4--4", "a-16-4", "4-16-4-", "4 16 4"})
    void anythingElseIsRefusedAtTheField(String text) {
        assertThatThrownBy(() -> GlassFormula.parse("formula", text))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("formula");
                    assertThat(e.messageKey()).isEqualTo("catalog.formula.invalid");
                });
    }

    @Test
    void theLimitsThemselvesAreAllowed() {
        assertThat(GlassFormula.parse("formula", "3-6-12-24-3").layers()).containsExactly(3, 6, 12, 24, 3);
    }
}
