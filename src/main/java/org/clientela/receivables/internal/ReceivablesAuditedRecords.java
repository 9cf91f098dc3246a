package org.clientela.receivables.internal;

import java.util.UUID;

import org.clientela.audit.AuditedRecords;
import org.clientela.identity.AccessPolicy;
import org.clientela.identity.UserId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The history of an invoice or a payment is for those who may see its client. */
@Configuration(proxyBeanMethods = false)
class ReceivablesAuditedRecords {

    @Bean
    AuditedRecords invoiceHistoryAccess(JdbcClient jdbc, AccessPolicy accessPolicy) {
        return new OwnedByClient(InvoiceService.INVOICE, "invoice", jdbc, accessPolicy);
    }

    @Bean
    AuditedRecords paymentHistoryAccess(JdbcClient jdbc, AccessPolicy accessPolicy) {
        return new OwnedByClient(PaymentService.PAYMENT, "payment", jdbc, accessPolicy);
    }

    /** A record of a table with a {@code company_id}, visible with its company. */
    private record OwnedByClient(String entityType, String table, JdbcClient jdbc, AccessPolicy accessPolicy)
            implements AuditedRecords {

        @Override
        public boolean maySee(String entityId) {
            UUID id;
            try {
                id = UUID.fromString(entityId);
            } catch (IllegalArgumentException e) {
                return false;
            }
            return jdbc.sql("select c.owner_id from " + table + " r join company_ref c on c.id = r.company_id where r.id = :id")
                    .param("id", id).query(UUID.class).optional()
                    .filter(owner -> accessPolicy.maySee(new UserId(owner))).isPresent();
        }
    }
}
