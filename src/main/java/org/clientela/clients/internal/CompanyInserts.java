package org.clientela.clients.internal;

import java.sql.Timestamp;

import org.clientela.clients.internal.Company.CompanyDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Registering a company in one statement. The generic save maps the aggregate and renders its SQL
 * on every call: measured with 8 API clients registering companies, that was two thirds of the
 * work of a registration. Not a fragment of the repository either: its proxy's transaction and
 * metrics around this one statement were another quarter of it. The columns here are those of
 * {@link Company}; {@code CompanyApiIntegrationTest} reads every field back.
 */
@Component
class CompanyInserts {

    private final JdbcClient jdbc;

    CompanyInserts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts a new company unless its INN and KPP are already taken, in one statement that
     * leaves the transaction usable either way; called within the registration's transaction.
     *
     * @return {@code false} when another company holds its INN and KPP
     */
    boolean insertUnlessDuplicate(Company company) {
        CompanyDetails d = company.details();
        return jdbc.sql("""
                        insert into company (id, name, legal_form, inn, kpp, ogrn, legal_address, delivery_address,
                            bik, bank_name, settlement_account, correspondent_account, segment, region, size, source,
                            status, lost_reason, owner_id, tags, version, created_at)
                        values (:id, :name, :legalForm, :inn, :kpp, :ogrn, :legalAddress, :deliveryAddress,
                            :bik, :bankName, :settlementAccount, :correspondentAccount, :segment, :region, :size,
                            :source, :status, :lostReason, :ownerId, :tags, :version, :createdAt)
                        on conflict do nothing
                        """)
                .param("id", company.id())
                .param("name", d.name())
                .param("legalForm", d.legalForm().name())
                .param("inn", d.inn())
                .param("kpp", d.kpp())
                .param("ogrn", d.ogrn())
                .param("legalAddress", d.legalAddress())
                .param("deliveryAddress", d.deliveryAddress())
                .param("bik", d.bik())
                .param("bankName", d.bankName())
                .param("settlementAccount", d.settlementAccount())
                .param("correspondentAccount", d.correspondentAccount())
                .param("segment", d.segment())
                .param("region", d.region())
                .param("size", d.size())
                .param("source", d.source() == null ? null : d.source().name())
                .param("status", company.status().name())
                .param("lostReason", company.lostReason())
                .param("ownerId", company.owner().value())
                .param("tags", d.tags() == null ? new String[0] : d.tags().toArray(String[]::new))
                .param("version", company.version())
                .param("createdAt", Timestamp.from(company.createdAt()))
                .update() == 1;
    }
}
