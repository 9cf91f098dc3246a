package org.clientela.keyaccounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.clientela.keyaccounts.AbcClass;
import org.clientela.keyaccounts.ClassifiedCompany;
import org.clientela.keyaccounts.MatrixCell;
import org.clientela.keyaccounts.Thresholds;
import org.clientela.keyaccounts.XyzClass;
import org.clientela.keyaccounts.internal.Classification.Outcome;
import org.clientela.keyaccounts.internal.Classification.Series;
import org.clientela.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The ABC/XYZ rule on small data, every expected figure worked out by hand in the comments. */
class AbcXyzClassificationUnitTest {

    private static final Thresholds USUAL = Thresholds.usual();

    @Test
    void aClientAloneIsAWithTheWholeTotal() {
        // 100, 200, 300: mean 200, deviations −100, 0, 100, σ = √(20 000 / 3) = 81.6497, cv = 40.82 %
        Outcome outcome = classify(series(id(1), "100.00", "200.00", "300.00"));

        assertThat(outcome.total()).isEqualByComparingTo("600.00");
        ClassifiedCompany only = single(outcome);
        assertThat(only.value()).isEqualTo(new BigDecimal("600.00"));
        assertThat(only.share()).isEqualTo(new BigDecimal("100.00"));
        assertThat(only.cumulativeShare()).isEqualTo(new BigDecimal("100.00"));
        assertThat(only.abc()).isEqualTo(AbcClass.A);
        assertThat(only.cv()).isEqualTo(new BigDecimal("40.82"));
        assertThat(only.xyz()).isEqualTo(XyzClass.Z);
        assertThat(cell(outcome, AbcClass.A, XyzClass.Z)).isEqualTo(new MatrixCell(AbcClass.A, XyzClass.Z, 1,
                new BigDecimal("600.00"), new BigDecimal("100.00"), new BigDecimal("100.00")));
        assertThat(outcome.matrix().stream().filter(cell -> cell.count() == 0)).hasSize(8);
    }

    @Test
    void fourEqualClientsHaveAQuarterEachAndAreAllA() {
        // before each: 0, 25, 50, 75 % — all below 80 %; steady months: cv 0
        Outcome outcome = classify(series(id(4), "25.00", "25.00"), series(id(2), "25.00", "25.00"),
                series(id(3), "25.00", "25.00"), series(id(1), "25.00", "25.00"));

        assertThat(outcome.companies()).extracting(ClassifiedCompany::companyId)
                .containsExactly(id(1), id(2), id(3), id(4));
        assertThat(outcome.companies()).extracting(ClassifiedCompany::share).containsOnly(new BigDecimal("25.00"));
        assertThat(outcome.companies()).extracting(ClassifiedCompany::cumulativeShare).containsExactly(
                new BigDecimal("25.00"), new BigDecimal("50.00"), new BigDecimal("75.00"), new BigDecimal("100.00"));
        assertThat(outcome.companies()).extracting(ClassifiedCompany::abc).containsOnly(AbcClass.A);
        assertThat(outcome.companies()).extracting(ClassifiedCompany::cv).containsOnly(new BigDecimal("0.00"));
        assertThat(outcome.companies()).extracting(ClassifiedCompany::xyz).containsOnly(XyzClass.X);
        assertThat(cell(outcome, AbcClass.A, XyzClass.X).count()).isEqualTo(4);
        assertThat(cell(outcome, AbcClass.A, XyzClass.X).share()).isEqualTo(new BigDecimal("100.00"));
    }

    @Test
    void fiveEqualClientsPutTheFifthInBBecauseEightyPercentAreBeforeIt() {
        // before each: 0, 20, 40, 60, 80 % — the fifth is not below 80 %, but below 95 %
        Outcome outcome = classify(series(id(1), "10.00"), series(id(2), "10.00"), series(id(3), "10.00"),
                series(id(4), "10.00"), series(id(5), "10.00"));

        assertThat(outcome.companies()).extracting(ClassifiedCompany::abc)
                .containsExactly(AbcClass.A, AbcClass.A, AbcClass.A, AbcClass.A, AbcClass.B);
        assertThat(outcome.companies().get(4).companyId()).isEqualTo(id(5));
        assertThat(cell(outcome, AbcClass.A, XyzClass.X).companyShare()).isEqualTo(new BigDecimal("80.00"));
        assertThat(cell(outcome, AbcClass.B, XyzClass.X).companyShare()).isEqualTo(new BigDecimal("20.00"));
    }

    @Test
    void theClientThatCrossesEightyPercentIsStillAndTheOneAtExactlyEightyIsNot() {
        // 40, 40, 10, 10 of 100: before 0, 40 (A, reaching exactly 80), 80 (not below 80: B), 90 (B)
        Outcome outcome = classify(series(id(1), "40.00"), series(id(2), "40.00"), series(id(3), "10.00"),
                series(id(4), "10.00"));

        assertThat(outcome.companies()).extracting(ClassifiedCompany::abc)
                .containsExactly(AbcClass.A, AbcClass.A, AbcClass.B, AbcClass.B);
        assertThat(outcome.companies()).extracting(ClassifiedCompany::cumulativeShare).containsExactly(
                new BigDecimal("40.00"), new BigDecimal("80.00"), new BigDecimal("90.00"), new BigDecimal("100.00"));

        // 60, 25, 10, 5: the second crosses 80 % (60 → 85) and is A; the third starts at 85: B; the
        // fourth starts at 95: C
        Outcome crossing = classify(series(id(1), "60.00"), series(id(2), "25.00"), series(id(3), "10.00"),
                series(id(4), "5.00"));
        assertThat(crossing.companies()).extracting(ClassifiedCompany::abc)
                .containsExactly(AbcClass.A, AbcClass.A, AbcClass.B, AbcClass.C);
    }

    @Test
    void equalValuesAtTheThresholdAreOrderedByCompanyIdAsThePostgresqlUuidOrder() {
        // 70, 15, 15 of 100: the first 15 starts at 70 (A), the second at 85 (B). PostgreSQL puts
        // 10000000-… before 80000000-… (bytes compared unsigned); UUID.compareTo would not.
        UUID low = UUID.fromString("10000000-0000-0000-0000-000000000000");
        UUID high = UUID.fromString("80000000-0000-0000-0000-000000000000");
        assertThat(high.compareTo(low)).as("Java's own uuid order is signed").isNegative();

        Outcome outcome = classify(series(high, "15.00"), series(id(9), "70.00"), series(low, "15.00"));

        assertThat(outcome.companies()).extracting(ClassifiedCompany::companyId).containsExactly(id(9), low, high);
        assertThat(outcome.companies()).extracting(ClassifiedCompany::abc)
                .containsExactly(AbcClass.A, AbcClass.A, AbcClass.B);
        assertThat(outcome.companies()).extracting(ClassifiedCompany::share).containsExactly(
                new BigDecimal("70.00"), new BigDecimal("15.00"), new BigDecimal("15.00"));
    }

    @Test
    void theDatabaseOrderComparesBothHalvesOfAUuidUnsigned() {
        UUID a = UUID.fromString("00000000-0000-0000-1000-000000000000");
        UUID b = UUID.fromString("00000000-0000-0000-f000-000000000000");
        UUID c = UUID.fromString("00000000-0000-0001-0000-000000000000");
        UUID d = UUID.fromString("ffffffff-0000-0000-0000-000000000000");
        List<UUID> ids = new ArrayList<>(List.of(d, c, b, a));
        Collections.shuffle(ids);

        ids.sort(Classification.DATABASE_ORDER);

        assertThat(ids).containsExactly(a, b, c, d);
    }

    @Test
    void aSingleMonthOfSalesInTwelveIsZWithCvOfTheRootOfEleven() {
        // 1 200 then 11 × 0: mean 100; σ² = (1 100² + 11 × 100²) / 12 = 110 000; σ = 331.662; cv = √11 = 331.66 %
        String[] months = new String[12];
        Arrays.fill(months, "0");
        months[0] = "1200.00";

        ClassifiedCompany only = single(classify(series(id(1), months)));

        assertThat(only.cv()).isEqualTo(new BigDecimal("331.66"));
        assertThat(only.xyz()).isEqualTo(XyzClass.Z);
        assertThat(only.abc()).isEqualTo(AbcClass.A);
    }

    @Test
    void aSingleMonthInAOneMonthPeriodIsPerfectlySteady() {
        ClassifiedCompany only = single(classify(series(id(1), "500.00")));

        assertThat(only.cv()).isEqualTo(new BigDecimal("0.00"));
        assertThat(only.xyz()).isEqualTo(XyzClass.X);
    }

    @Test
    void theCoefficientHalfWayBetweenTwoHundredthsIsRoundedUp() {
        // two months a and b: σ = |a − b| / 2, μ = (a + b) / 2, cv = |a − b| / (a + b) = 2 469 / 20 000 = 12.345 %
        ClassifiedCompany only = single(classify(series(id(1), "11234.50", "8765.50")));

        assertThat(only.cv()).isEqualTo(new BigDecimal("12.35"));
        assertThat(only.xyz()).isEqualTo(XyzClass.Y);
    }

    @Test
    void theXyzBoundariesIncludeTheirThreshold() {
        // mean 100 each: σ 10 → cv 10 % (X), 20 % (Y), 25 % (Y), 30 % (Z)
        Outcome outcome = classify(series(id(1), "90.00", "110.00"), series(id(2), "80.00", "120.00"),
                series(id(3), "75.00", "125.00"), series(id(4), "70.00", "130.00"));

        assertThat(outcome.companies()).extracting(ClassifiedCompany::cv).containsExactly(new BigDecimal("10.00"),
                new BigDecimal("20.00"), new BigDecimal("25.00"), new BigDecimal("30.00"));
        assertThat(outcome.companies()).extracting(ClassifiedCompany::xyz)
                .containsExactly(XyzClass.X, XyzClass.Y, XyzClass.Y, XyzClass.Z);
    }

    @Test
    void returnsLowerAMonthAndAClientWhoseReturnsOutweighItsPurchasesIsCWithoutShare() {
        UUID steady = id(1);
        UUID returning = id(2);
        UUID returnedAll = id(3);
        // steady 400; returning 100 − 30 + 50 = 120 (mean 40, deviations 60, −70, 10: σ² = 8 600 / 3,
        // σ = 53.541, cv = 133.85 %); returnedAll −50: left out of the total 520
        Outcome outcome = classify(series(returnedAll, "0", "-50.00", "0"),
                series(returning, "100.00", "-30.00", "50.00"), series(steady, "200.00", "100.00", "100.00"));

        assertThat(outcome.total()).isEqualByComparingTo("520.00");
        assertThat(outcome.companies()).extracting(ClassifiedCompany::companyId)
                .containsExactly(steady, returning, returnedAll);
        ClassifiedCompany first = outcome.companies().get(0);
        ClassifiedCompany second = outcome.companies().get(1);
        ClassifiedCompany last = outcome.companies().get(2);
        // 400 / 520 = 76.92 %; the second starts at 76.92 % < 80 %: A
        assertThat(first.share()).isEqualTo(new BigDecimal("76.92"));
        assertThat(second.value()).isEqualTo(new BigDecimal("120.00"));
        assertThat(second.share()).isEqualTo(new BigDecimal("23.08"));
        assertThat(second.cumulativeShare()).isEqualTo(new BigDecimal("100.00"));
        assertThat(second.abc()).isEqualTo(AbcClass.A);
        assertThat(second.cv()).isEqualTo(new BigDecimal("133.85"));
        assertThat(second.xyz()).isEqualTo(XyzClass.Z);
        assertThat(last.value()).isEqualTo(new BigDecimal("-50.00"));
        assertThat(last.share()).isEqualTo(new BigDecimal("0.00"));
        assertThat(last.cumulativeShare()).isEqualTo(new BigDecimal("100.00"));
        assertThat(last.abc()).isEqualTo(AbcClass.C);
        assertThat(last.cv()).isNull();
        assertThat(last.xyz()).isEqualTo(XyzClass.Z);
        // steady: 200, 100, 100: mean 133.33, σ = 47.14, cv = 35.36 % (Z)
        assertThat(first.cv()).isEqualTo(new BigDecimal("35.36"));
        assertThat(cell(outcome, AbcClass.A, XyzClass.Z).count()).isEqualTo(2);
        assertThat(cell(outcome, AbcClass.A, XyzClass.Z).share()).isEqualTo(new BigDecimal("100.00"));
        assertThat(cell(outcome, AbcClass.C, XyzClass.Z)).isEqualTo(new MatrixCell(AbcClass.C, XyzClass.Z, 1,
                new BigDecimal("-50.00"), new BigDecimal("0.00"), new BigDecimal("33.33")));
    }

    @Test
    void aPeriodWithoutSalesHasNoClientsAndAnEmptyMatrix() {
        Outcome outcome = Classification.classify(List.of(), USUAL);

        assertThat(outcome.total()).isEqualByComparingTo("0");
        assertThat(outcome.companies()).isEmpty();
        assertThat(outcome.matrix()).hasSize(9).allSatisfy(cell -> {
            assertThat(cell.count()).isZero();
            assertThat(cell.share()).isEqualTo(new BigDecimal("0.00"));
            assertThat(cell.companyShare()).isEqualTo(new BigDecimal("0.00"));
        });
        assertThat(outcome.matrix()).extracting(MatrixCell::cell)
                .containsExactly("AX", "AY", "AZ", "BX", "BY", "BZ", "CX", "CY", "CZ");
    }

    @Test
    void otherThresholdsMoveTheBoundaries() {
        // 50, 30, 20 with A to 50 %, B to 70 %; X to 0 %, Y to 50 %
        Thresholds narrow = new Thresholds(new BigDecimal("50"), new BigDecimal("70"), BigDecimal.ZERO,
                new BigDecimal("50"));
        Outcome outcome = Classification.classify(List.of(series(id(1), "50.00", "50.00"),
                series(id(2), "20.00", "40.00"), series(id(3), "0", "40.00")), narrow);

        assertThat(outcome.companies()).extracting(ClassifiedCompany::abc)
                .containsExactly(AbcClass.A, AbcClass.B, AbcClass.C);
        // cv: 0 % (X), 33.33 % (Y), 100 % (Z)
        assertThat(outcome.companies()).extracting(ClassifiedCompany::xyz)
                .containsExactly(XyzClass.X, XyzClass.Y, XyzClass.Z);
    }

    @Test
    void thresholdsMustIncreaseAndStayWithinAHundredPercent() {
        assertThatThrownBy(() -> new Thresholds(new BigDecimal("95"), new BigDecimal("80"), BigDecimal.TEN,
                new BigDecimal("25"))).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(InvalidInputException.Problem::field)
                                .containsExactly(Thresholds.FIELD_B));
        assertThatThrownBy(() -> Thresholds.parse(USUAL, "80", "101", "-1", "x"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(InvalidInputException.Problem::field)
                                .containsExactly(Thresholds.FIELD_Y));
        assertThatThrownBy(() -> Thresholds.parse(USUAL, "80", "101", "-1", "30"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(InvalidInputException.Problem::field)
                                .containsExactly(Thresholds.FIELD_B, Thresholds.FIELD_X));
        assertThat(Thresholds.parse(USUAL, "70,5", "", null, " 20 ")).isEqualTo(new Thresholds(
                new BigDecimal("70.5"), new BigDecimal("95"), BigDecimal.TEN, new BigDecimal("20")));
    }

    private static Outcome classify(Series... series) {
        return Classification.classify(List.of(series), USUAL);
    }

    private static ClassifiedCompany single(Outcome outcome) {
        assertThat(outcome.companies()).hasSize(1);
        return outcome.companies().get(0);
    }

    private static MatrixCell cell(Outcome outcome, AbcClass abc, XyzClass xyz) {
        return outcome.matrix().stream().filter(cell -> cell.abc() == abc && cell.xyz() == xyz).findFirst()
                .orElseThrow();
    }

    /** The series the database gives for these monthly values: their sum and the sum of their squares. */
    private static Series series(UUID company, String... months) {
        List<BigDecimal> values = Arrays.stream(months).map(BigDecimal::new).toList();
        return new Series(company, "Клиент " + company, values.stream().reduce(BigDecimal.ZERO, BigDecimal::add),
                values.stream().map(value -> value.multiply(value)).reduce(BigDecimal.ZERO, BigDecimal::add),
                values.size());
    }

    private static UUID id(int n) {
        return new UUID(0, n);
    }
}
