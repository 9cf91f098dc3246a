package org.clientela.clients.internal;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;

import org.clientela.audit.AuditAction;
import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.clients.internal.Company.CompanyDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Registering a company in one statement, its audit entry included. The generic save maps the
 * aggregate and renders its SQL on every call: measured with 8 API clients registering companies,
 * that was two thirds of the work of a registration. Not a fragment of the repository either: its
 * proxy's transaction and metrics around this one statement were another quarter of it. The
 * columns here are those of {@link Company}; {@code CompanyApiIntegrationTest} reads every field
 * back.
 */
@Component
class CompanyInserts {

    private static final String INSERT = """
            with created as (
            insert into company (id, name, legal_form, inn, kpp, ogrn, legal_address, delivery_address,
                bik, bank_name, settlement_account, correspondent_account, segment, region, size, source,
                status, lost_reason, owner_id, tags, version, created_at)
            values (:id, :name, :legalForm, :inn, :kpp, :ogrn, :legalAddress, :deliveryAddress,
                :bik, :bankName, :settlementAccount, :correspondentAccount, :segment, :region, :size,
                :source, :status, :lostReason, :ownerId, :tags, :version, :createdAt)
            on conflict do nothing
            returning 1)
            """;

    private final JdbcClient jdbc;
    private final AuditLog auditLog;

    CompanyInserts(JdbcClient jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    /**
     * Inserts a new company with its audit entry unless its INN and KPP are already taken, in one
     * statement that is atomic without a transaction and leaves one usable either way.
     *
     * @return {@code false} when another company holds its INN and KPP
     */
    boolean insertUnlessDuplicate(Company company, AuditChanges initialValues) {
        CompanyDetails d = company.details();
        Map<String, Object> row = new HashMap<>(32);
        row.put("id", company.id());
        row.put("name", d.name());
        row.put("legalForm", d.legalForm().name());
        row.put("inn", d.inn());
        row.put("kpp", d.kpp());
        row.put("ogrn", d.ogrn());
        row.put("legalAddress", d.legalAddress());
        row.put("deliveryAddress", d.deliveryAddress());
        row.put("bik", d.bik());
        row.put("bankName", d.bankName());
        row.put("settlementAccount", d.settlementAccount());
        row.put("correspondentAccount", d.correspondentAccount());
        row.put("segment", d.segment());
        row.put("region", d.region());
        row.put("size", d.size());
        row.put("source", d.source() == null ? null : d.source().name());
        row.put("status", company.status().name());
        row.put("lostReason", company.lostReason());
        row.put("ownerId", company.owner().value());
        row.put("tags", d.tags() == null ? new String[0] : d.tags().toArray(String[]::new));
        row.put("version", company.version());
        row.put("createdAt", Timestamp.from(company.createdAt()));
        AuditLog.EntryInsert entry = auditLog.entryFor("created", AuditAction.CREATED, CompanyService.COMPANY,
                company.id(), initialValues);
        return jdbc.sql(INSERT + entry.sql()).params(row).params(entry.parameters()).update() == 1;
    }
}
