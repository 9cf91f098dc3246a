package org.clientela.keyaccounts.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.clientela.keyaccounts.AbcClass;
import org.clientela.keyaccounts.ClassifiedCompany;
import org.clientela.keyaccounts.MatrixCell;
import org.clientela.keyaccounts.Thresholds;
import org.clientela.keyaccounts.XyzClass;

/**
 * The ABC/XYZ rule itself, on numbers alone (K1).
 * <ul>
 * <li>ABC: the clients by value descending, equal values by company id as PostgreSQL orders uuids
 * (so the database and this class agree on who comes first). A client is A while the cumulative
 * share of the clients before it is below the A threshold, B while below the B threshold, C
 * otherwise: the client that crosses 80 % is still A, and a client alone is A. A client whose value
 * over the period is ≤ 0 (its returns outweigh its purchases) adds nothing to the total the shares
 * are of, is C and its share is 0.</li>
 * <li>XYZ: the coefficient of variation (population standard deviation / mean) of the monthly
 * values over every month of the period, a month without sales counting as 0. X while it is at
 * most the X threshold, Y at most the Y threshold, Z above; a mean ≤ 0 is Z without a coefficient.</li>
 * </ul>
 * The classes are decided on exact figures (no division, no root); the shares and the coefficient
 * are shown in percent to two decimals, half up, the coefficient too: exactly, in integers.
 */
final class Classification {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int PERCENT_SCALE = 2;
    /** Roubles and kopecks: the sum of no values still reads 0.00. */
    private static final BigDecimal NO_MONEY = BigDecimal.ZERO.setScale(2);

    /** PostgreSQL compares uuids byte by byte: the two halves unsigned, unlike {@link UUID#compareTo}. */
    static final Comparator<UUID> DATABASE_ORDER = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    /**
     * A client's monthly values over the period as the rule needs them: their sum (the value), the
     * sum of their squares, and the number of months of the period (a month without sales counts,
     * as 0). Only clients with at least one sales fact in the period are given.
     */
    record Series(UUID companyId, String companyName, BigDecimal value, BigDecimal squares, int months) {
    }

    /** The classified clients in the ABC order, the matrix, and the total of the positive values. */
    record Outcome(BigDecimal total, List<ClassifiedCompany> companies, List<MatrixCell> matrix) {
    }

    private Classification() {
    }

    /**
     * By value descending, then by company id as PostgreSQL orders them; one comparator, not a
     * chain of reversed and then-comparing ones, which cost a department's sort most of its time.
     */
    private static final Comparator<Series> ABC_ORDER = (one, other) -> {
        int byValue = other.value().compareTo(one.value());
        return byValue != 0 ? byValue : DATABASE_ORDER.compare(one.companyId(), other.companyId());
    };

    static Outcome classify(List<Series> series, Thresholds thresholds) {
        List<Series> ordered = new ArrayList<>(series);
        ordered.sort(ABC_ORDER);
        BigDecimal total = ordered.stream().map(Series::value).filter(value -> value.signum() > 0)
                .reduce(NO_MONEY, BigDecimal::add);
        BigDecimal aLimit = thresholds.a().multiply(total);
        BigDecimal bLimit = thresholds.b().multiply(total);
        BigDecimal before = BigDecimal.ZERO;
        List<ClassifiedCompany> companies = new ArrayList<>(ordered.size());
        for (Series client : ordered) {
            BigDecimal value = client.value();
            AbcClass abc = AbcClass.C;
            BigDecimal share = BigDecimal.ZERO.setScale(PERCENT_SCALE);
            if (value.signum() > 0) {
                // before / total < a / 100, without dividing
                BigDecimal scaledBefore = before.multiply(HUNDRED);
                abc = scaledBefore.compareTo(aLimit) < 0 ? AbcClass.A
                        : scaledBefore.compareTo(bLimit) < 0 ? AbcClass.B : AbcClass.C;
                before = before.add(value);
                share = percent(value, total);
            }
            Variation variation = Variation.of(client);
            XyzClass xyz = variation.atMost(thresholds.x()) ? XyzClass.X
                    : variation.atMost(thresholds.y()) ? XyzClass.Y : XyzClass.Z;
            companies.add(new ClassifiedCompany(client.companyId(), client.companyName(),
                    value, share, percent(before, total), abc, variation.percent(), xyz, null, null));
        }
        return new Outcome(total, companies, matrix(companies, total));
    }

    /**
     * The spread of a client's monthly values. With n months, S = Σv and Q = Σv²: σ / μ =
     * √(nQ − S²) / S. So the class is decided exactly, without a root (cv ≤ t % ⟺ 10 000 (nQ − S²) ≤
     * (t S)²), and only the coefficient shown is computed with one.
     *
     * @param spread nQ − S², exact
     * @param sum    S; the coefficient exists only for S > 0 (a mean ≤ 0 is Z)
     */
    record Variation(BigDecimal spread, BigDecimal sum) {

        static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
        private static final BigInteger FOUR_TIMES_TEN_TO_THE_EIGHTH = BigInteger.valueOf(400_000_000L);
        /** Millions of times the double estimate's worst relative error. */
        private static final double SURELY_ROUNDED = 1e-9;

        static Variation of(Series series) {
            BigDecimal sum = series.value();
            return new Variation(series.squares().multiply(BigDecimal.valueOf(series.months()))
                    .subtract(sum.multiply(sum)), sum);
        }

        boolean atMost(BigDecimal thresholdPercent) {
            if (sum.signum() <= 0) {
                return false;
            }
            BigDecimal limit = thresholdPercent.multiply(sum);
            return spread.multiply(TEN_THOUSAND).compareTo(limit.multiply(limit)) <= 0;
        }

        /**
         * σ / μ in percent to two decimals, half up; {@code null} when μ ≤ 0. With S = s / 10ᵃ and
         * nQ − S² = q / 10²ᵃ in integers s and q, σ / μ = √q / s, and its hundredths of a percent
         * rounded half up are the k with (2k − 1) s ≤ 2·10⁴ √q < (2k + 1) s, that is
         * ((2k − 1) s)² ≤ 4·10⁸ q < ((2k + 1) s)²: a double's estimate of k, checked and put right
         * in integers, so the figure is exact without a root of a big number (a decimal root to 16
         * digits took most of the time of classifying 10 000 clients, an integer one longer still).
         * The estimate's relative error is a few units of 10⁻¹⁶, so an estimate farther than
         * {@link #SURELY_ROUNDED} (relative) from a half needs no check: only near-ties are checked.
         */
        BigDecimal percent() {
            if (sum.signum() <= 0) {
                return null;
            }
            int unit = Math.max(sum.scale(), (spread.scale() + 1) / 2);
            BigInteger s = sum.movePointRight(unit).toBigIntegerExact();
            BigInteger q = spread.movePointRight(2 * unit).toBigIntegerExact();
            double estimate = 10_000 * Math.sqrt(q.doubleValue()) / s.doubleValue();
            long k = (long) Math.floor(estimate + 0.5);
            double fromHalf = Math.abs(estimate - Math.floor(estimate) - 0.5);
            if (fromHalf > SURELY_ROUNDED * Math.max(1, estimate)) {
                return BigDecimal.valueOf(k, PERCENT_SCALE);
            }
            BigInteger scaled = q.multiply(FOUR_TIMES_TEN_TO_THE_EIGHTH);
            while (k > 0 && odd(k - 1).multiply(s).pow(2).compareTo(scaled) > 0) {
                k--;
            }
            while (odd(k).multiply(s).pow(2).compareTo(scaled) <= 0) {
                k++;
            }
            return BigDecimal.valueOf(k, PERCENT_SCALE);
        }

        /** 2k + 1. */
        private static BigInteger odd(long k) {
            return BigInteger.valueOf(2 * k + 1);
        }
    }

    /** The nine cells, summed in one pass over the clients. */
    private static List<MatrixCell> matrix(List<ClassifiedCompany> companies, BigDecimal total) {
        int cells = AbcClass.values().length * XyzClass.values().length;
        int[] counts = new int[cells];
        BigDecimal[] values = new BigDecimal[cells];
        BigDecimal[] positives = new BigDecimal[cells];
        Arrays.fill(values, NO_MONEY);
        Arrays.fill(positives, BigDecimal.ZERO);
        for (ClassifiedCompany company : companies) {
            int cell = company.abc().ordinal() * XyzClass.values().length + company.xyz().ordinal();
            counts[cell]++;
            values[cell] = values[cell].add(company.value());
            if (company.value().signum() > 0) {
                positives[cell] = positives[cell].add(company.value());
            }
        }
        List<MatrixCell> matrix = new ArrayList<>(cells);
        BigDecimal all = BigDecimal.valueOf(companies.size());
        for (AbcClass abc : AbcClass.values()) {
            for (XyzClass xyz : XyzClass.values()) {
                int cell = abc.ordinal() * XyzClass.values().length + xyz.ordinal();
                matrix.add(new MatrixCell(abc, xyz, counts[cell], values[cell], percent(positives[cell], total),
                        percent(BigDecimal.valueOf(counts[cell]), all)));
            }
        }
        return matrix;
    }

    /** part / whole in percent, two decimals; 0 of nothing. */
    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return BigDecimal.ZERO.setScale(PERCENT_SCALE);
        }
        return part.multiply(HUNDRED).divide(whole, PERCENT_SCALE, RoundingMode.HALF_UP);
    }
}
