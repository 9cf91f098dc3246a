package org.clientela.orders.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.orders.OrderStatus;

/**
 * An order's own row with its company's name and owner, as the commands read it; with whether it
 * has lines and whether its company is still a prospect, which a confirmation asks (read in the same
 * statement, since a confirmation is the busiest command).
 */
record OrderRow(UUID id, String number, UUID companyId, String companyName, UUID ownerId, boolean prospect,
        OrderStatus status, LocalDate orderDate, String contactName, String contactEmail, boolean informClient,
        BigDecimal vatRate, BigDecimal totalWithoutVat, BigDecimal vat, BigDecimal total, UUID invoiceId,
        long version, boolean hasLines) {

    static final String SELECT = """
            select o.*, c.name as company_name, c.owner_id, c.status = 'PROSPECT' as prospect,
                   exists (select 1 from order_line l where l.order_id = o.id) as has_lines
            from sales_order o join company_ref c on c.id = o.company_id""";

    CompanyId company() {
        return new CompanyId(companyId);
    }

    static OrderRow of(ResultSet rs, int row) throws SQLException {
        return new OrderRow(rs.getObject("id", UUID.class), rs.getString("number"),
                rs.getObject("company_id", UUID.class), rs.getString("company_name"),
                rs.getObject("owner_id", UUID.class), rs.getBoolean("prospect"),
                OrderStatus.valueOf(rs.getString("status")),
                rs.getObject("order_date", LocalDate.class), rs.getString("contact_name"),
                rs.getString("contact_email"), rs.getBoolean("inform_client"), rs.getBigDecimal("vat_rate"),
                rs.getBigDecimal("total_without_vat"), rs.getBigDecimal("vat_amount"),
                rs.getBigDecimal("total_with_vat"), rs.getObject("invoice_id", UUID.class), rs.getLong("version"),
                rs.getBoolean("has_lines"));
    }
}
