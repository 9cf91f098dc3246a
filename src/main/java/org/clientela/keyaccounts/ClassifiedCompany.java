package org.clientela.keyaccounts;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A client's place in an ABC/XYZ analysis. Percentages have two decimals (rounded half up).
 *
 * @param value           the measure over the period, in roubles (returns subtracted)
 * @param share           value / the total of the positive values, in percent; 0 for a value ≤ 0
 * @param cumulativeShare the share of this client and all before it in the ABC order, in percent
 * @param cv              the coefficient of variation of the monthly values, in percent; {@code null}
 *                        when their mean is ≤ 0 (the client is then Z)
 * @param previousAbc     its class in the period of as many months just before; {@code null} when it
 *                        bought nothing then
 */
public record ClassifiedCompany(UUID companyId, String companyName, BigDecimal value, BigDecimal share,
        BigDecimal cumulativeShare, AbcClass abc, BigDecimal cv, XyzClass xyz, AbcClass previousAbc,
        XyzClass previousXyz) {

    public Movement movement() {
        return Movement.of(previousAbc, abc);
    }

    /** The matrix cell, e.g. {@code AX}. */
    public String cell() {
        return abc.name() + xyz.name();
    }

    public ClassifiedCompany withPrevious(AbcClass abc, XyzClass xyz) {
        return new ClassifiedCompany(companyId, companyName, value, share, cumulativeShare, this.abc, cv, this.xyz,
                abc, xyz);
    }
}
