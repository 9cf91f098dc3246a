package org.clientela.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

class PlanPeriodUnitTest {

    @Test
    void aMonthAndAQuarterWithTheirDays() {
        PlanPeriod march = PlanPeriod.parse("2061-03");
        assertThat(march.days()).isEqualTo(31);
        assertThat(march.code()).isEqualTo("2061-03");
        PlanPeriod q1 = PlanPeriod.parse("2064-q1");
        assertThat(q1.firstDay()).isEqualTo(LocalDate.of(2064, 1, 1));
        assertThat(q1.lastDay()).isEqualTo(LocalDate.of(2064, 3, 31));
        // 2064 is a leap year: 31 + 29 + 31
        assertThat(q1.days()).isEqualTo(91);
        assertThat(q1.code()).isEqualTo("2064-Q1");
        assertThat(PlanPeriod.quarterOf(YearMonth.of(2026, 11)).code()).isEqualTo("2026-Q4");
    }

    @Test
    void theDaysElapsedCountTodayAndStopAtTheEnds() {
        PlanPeriod q4 = PlanPeriod.parse("2026-Q4");
        assertThat(q4.daysElapsed(LocalDate.of(2026, 9, 30))).isZero();
        assertThat(q4.daysElapsed(LocalDate.of(2026, 10, 1))).isEqualTo(1);
        assertThat(q4.daysElapsed(LocalDate.of(2026, 11, 1))).isEqualTo(32);
        assertThat(q4.daysElapsed(LocalDate.of(2027, 1, 5))).isEqualTo(92);
    }

    @Test
    void otherTextsAreNoPeriod() {
        for (String text : new String[] {"2026-13", "2026-00", "2026-Q5", "2026", "ноябрь", "2026-11-01"}) {
            assertThatIllegalArgumentException().isThrownBy(() -> PlanPeriod.parse(text));
        }
    }
}
