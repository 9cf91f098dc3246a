package org.clientela.keyaccounts;

import java.math.BigDecimal;

/**
 * One of the nine cells of the ABC×XYZ matrix.
 *
 * @param value        the sum of its clients' values, in roubles
 * @param share        its clients' part of the total (their shares summed), in percent
 * @param companyShare its clients' part of all classified clients, in percent
 */
public record MatrixCell(AbcClass abc, XyzClass xyz, int count, BigDecimal value, BigDecimal share,
        BigDecimal companyShare) {

    /** E.g. {@code AX}. */
    public String cell() {
        return abc.name() + xyz.name();
    }
}
