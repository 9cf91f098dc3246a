package org.clientela.receivables.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.clientela.receivables.ReceivablesOverview;

/** Unpaid amounts by how long they are overdue, in roubles. */
public record Buckets(BigDecimal notDue, BigDecimal days1to30, BigDecimal days31to60, BigDecimal days61to90,
        BigDecimal over90) {

    private static final BigDecimal NONE = new BigDecimal("0.00");

    public static final Buckets ZERO = new Buckets(NONE, NONE, NONE, NONE, NONE);

    /** Everything unpaid. */
    public BigDecimal total() {
        return notDue.add(overdue());
    }

    /** What is past its due date. */
    public BigDecimal overdue() {
        return days1to30.add(days31to60).add(days61to90).add(over90);
    }

    public BigDecimal of(AgeBucket bucket) {
        return switch (bucket) {
            case NOT_DUE -> notDue;
            case DAYS_1_30 -> days1to30;
            case DAYS_31_60 -> days31to60;
            case DAYS_61_90 -> days61to90;
            case OVER_90 -> over90;
        };
    }

    public Buckets plus(Buckets other) {
        return new Buckets(notDue.add(other.notDue), days1to30.add(other.days1to30),
                days31to60.add(other.days31to60), days61to90.add(other.days61to90), over90.add(other.over90));
    }

    /** The columns {@code <prefix>not_due}, {@code <prefix>d1_30} … of a row (null read as zero). */
    /** The same sums as the overview's type other modules read. */
    ReceivablesOverview.AgeBuckets brief() {
        return new ReceivablesOverview.AgeBuckets(notDue, days1to30, days31to60, days61to90, over90);
    }

    static Buckets read(ResultSet rs, String prefix) throws SQLException {
        return new Buckets(amount(rs, prefix + "not_due"), amount(rs, prefix + "d1_30"), amount(rs, prefix + "d31_60"),
                amount(rs, prefix + "d61_90"), amount(rs, prefix + "d91"));
    }

    private static BigDecimal amount(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? NONE : value;
    }
}
