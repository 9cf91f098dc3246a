package org.clientela.catalog.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.catalog.PriceTypeView;
import org.clientela.clients.CompaniesMerged;
import org.clientela.clients.CompanyId;
import org.clientela.clients.VisibleCompanies;
import org.clientela.shared.InputErrors;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Price types and the price type of each company (P2). */
@Service
public class PriceTypeService {

    static final String COMPANY_PRICE_TYPE = "CompanyPriceType";
    static final String UNKNOWN_PRICE_TYPE = "catalog.priceType.unknown";

    private final JdbcClient jdbc;
    private final VisibleCompanies companies;
    private final AuditLog auditLog;

    PriceTypeService(JdbcClient jdbc, VisibleCompanies companies, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.companies = companies;
        this.auditLog = auditLog;
    }

    @Transactional(readOnly = true)
    public List<PriceTypeView> priceTypes() {
        return jdbc.sql("select * from price_type order by discount_percent, lower(name)")
                .query((rs, row) -> new PriceTypeView(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getBigDecimal("discount_percent"))).list();
    }

    /** The price type of a company the current user may see; none is the base price. */
    @Transactional(readOnly = true)
    public Optional<PriceTypeView> priceTypeOf(CompanyId company) {
        companies.company(company);
        return assigned(company);
    }

    Optional<PriceTypeView> assigned(CompanyId company) {
        return jdbc.sql("""
                        select t.* from company_price_type c join price_type t on t.id = c.price_type_id
                        where c.company_id = :company""").param("company", company.value())
                .query((rs, row) -> new PriceTypeView(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getBigDecimal("discount_percent"))).optional();
    }

    /**
     * Sets the price type of a company the current user may see — a discount is a decision of the
     * management; an empty {@code priceTypeId} takes it away (the base price again).
     */
    @Transactional
    @PreAuthorize(ProductService.EDITORS)
    public Optional<PriceTypeView> assign(CompanyId company, String priceTypeId) {
        companies.company(company);
        Optional<PriceTypeView> before = assigned(company);
        if (priceTypeId == null || priceTypeId.isBlank()) {
            jdbc.sql("delete from company_price_type where company_id = :company").param("company", company.value())
                    .update();
        } else {
            PriceTypeView type = priceType(priceTypeId);
            jdbc.sql("""
                            insert into company_price_type (company_id, price_type_id) values (:company, :type)
                            on conflict (company_id) do update set price_type_id = excluded.price_type_id,
                                updated_at = now()""")
                    .param("company", company.value()).param("type", type.id()).update();
        }
        Optional<PriceTypeView> after = assigned(company);
        String old = before.map(PriceTypeView::name).orElse(null);
        String now = after.map(PriceTypeView::name).orElse(null);
        if (!java.util.Objects.equals(old, now)) {
            auditLog.updated(COMPANY_PRICE_TYPE, company.value(), AuditChanges.of().field("priceType", old, now));
        }
        return after;
    }

    /**
     * The survivor of a merge keeps its own price type; it takes the duplicate's when it had none.
     */
    @EventListener
    void on(CompaniesMerged merged) {
        jdbc.sql("""
                        insert into company_price_type (company_id, price_type_id)
                        select :survivor, price_type_id from company_price_type where company_id = :duplicate
                        on conflict (company_id) do nothing""")
                .param("survivor", merged.survivor().value()).param("duplicate", merged.duplicate().value())
                .update();
        jdbc.sql("delete from company_price_type where company_id = :duplicate")
                .param("duplicate", merged.duplicate().value()).update();
    }

    private PriceTypeView priceType(String id) {
        InputErrors errors = new InputErrors();
        UUID parsed = null;
        try {
            parsed = UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            errors.add("priceTypeId", UNKNOWN_PRICE_TYPE, id);
            errors.throwIfAny();
        }
        Optional<PriceTypeView> type = jdbc.sql("select * from price_type where id = :id").param("id", parsed)
                .query((rs, row) -> new PriceTypeView(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getBigDecimal("discount_percent"))).optional();
        if (type.isEmpty()) {
            errors.add("priceTypeId", UNKNOWN_PRICE_TYPE, id);
            errors.throwIfAny();
        }
        return type.get();
    }

    /** A discount off the base price as this type gives it. */
    static BigDecimal discountOf(Optional<PriceTypeView> type) {
        return type.map(PriceTypeView::discountPercent).orElse(BigDecimal.ZERO);
    }
}
