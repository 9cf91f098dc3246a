package org.clientela.keyaccounts.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.clientela.catalog.ClientDiscountSource;
import org.clientela.clients.CompanyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A key account's service tier as the catalog's client discount: only while the company is key.
 * Tiers keep no history, so the discount is today's whatever the day asked; an order line keeps
 * the price it was given.
 */
@Component
class TierDiscounts implements ClientDiscountSource {

    private final JdbcClient jdbc;

    TierDiscounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ClientDiscount> discountFor(CompanyId company, LocalDate day) {
        return jdbc.sql("""
                        select t.name, t.discount_percent from key_account k join service_tier t on t.id = k.tier_id
                        where k.company_id = :company and k.is_key""")
                .param("company", company.value())
                .query((rs, row) -> new ClientDiscount(rs.getString("name"), rs.getBigDecimal("discount_percent")))
                .optional();
    }
}
