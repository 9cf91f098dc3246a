package org.clientela.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.List;

import org.clientela.orders.internal.WorkPlanProperties.StepTemplate;
import org.junit.jupiter.api.Test;

/** The proposed plan's due dates, counted in working days (Monday to Friday), by hand on a calendar. */
class WorkPlanUnitTest {

    static final List<StepTemplate> STEPS = List.of(
            new StepTemplate("Подтверждение заказа", 1, false, true),
            new StepTemplate("Раскрой стекла", 2, true, false),
            new StepTemplate("Сборка стеклопакетов", 3, true, true),
            new StepTemplate("Упаковка", 1, false, false),
            new StepTemplate("Отгрузка", 1, false, true),
            new StepTemplate("Доставка", 1, false, true));

    @Test
    void aGlassUnitOrderGetsEveryStepEachDueItsWorkingDaysAfterTheOneBefore() {
        // Thursday 3 December 2026: +1 Fri 4; +2 over the weekend Tue 8; +3 Fri 11; +1 Mon 14; Tue 15; Wed 16
        assertThat(WorkPlanService.propose(LocalDate.of(2026, 12, 3), STEPS, true)).containsExactly(
                new WorkPlanService.Proposed("Подтверждение заказа", LocalDate.of(2026, 12, 4), true),
                new WorkPlanService.Proposed("Раскрой стекла", LocalDate.of(2026, 12, 8), false),
                new WorkPlanService.Proposed("Сборка стеклопакетов", LocalDate.of(2026, 12, 11), true),
                new WorkPlanService.Proposed("Упаковка", LocalDate.of(2026, 12, 14), false),
                new WorkPlanService.Proposed("Отгрузка", LocalDate.of(2026, 12, 15), true),
                new WorkPlanService.Proposed("Доставка", LocalDate.of(2026, 12, 16), true));
    }

    @Test
    void anOrderWithoutGlassUnitsIsNeitherCutNorAssembled() {
        // Thursday 3 December 2026: +1 Fri 4; +1 Mon 7; +1 Tue 8; +1 Wed 9
        assertThat(WorkPlanService.propose(LocalDate.of(2026, 12, 3), STEPS, false))
                .extracting(WorkPlanService.Proposed::title, WorkPlanService.Proposed::dueDate)
                .containsExactly(
                        tuple("Подтверждение заказа", LocalDate.of(2026, 12, 4)),
                        tuple("Упаковка", LocalDate.of(2026, 12, 7)),
                        tuple("Отгрузка", LocalDate.of(2026, 12, 8)),
                        tuple("Доставка", LocalDate.of(2026, 12, 9)));
    }

    @Test
    void aStepOfNoDaysOnAWeekendFallsOnTheMondayAfter() {
        // Saturday 5 December 2026
        assertThat(WorkPlanService.plusWorkingDays(LocalDate.of(2026, 12, 5), 0)).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(WorkPlanService.plusWorkingDays(LocalDate.of(2026, 12, 5), 1)).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(WorkPlanService.plusWorkingDays(LocalDate.of(2026, 12, 4), 0)).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(WorkPlanService.plusWorkingDays(LocalDate.of(2026, 12, 4), 1)).isEqualTo(LocalDate.of(2026, 12, 7));
    }
}
