package org.clientela.receivables.collection;

import java.util.Optional;
import java.util.UUID;

import org.clientela.audit.AuditedRecords;
import org.clientela.identity.AccessPolicy;
import org.clientela.identity.UserId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may read the history of the collection's records: of an action or a promise, whoever may
 * see its company; of a step of the schedule, whoever may keep the schedule.
 */
@Configuration(proxyBeanMethods = false)
class CollectionAuditedRecords {

    @Bean
    AuditedRecords collectionActionHistory(JdbcClient jdbc, AccessPolicy accessPolicy) {
        return new OfCompany(CollectionActions.ACTION, """
                select c.owner_id from collection_action a
                join invoice i on i.id = a.invoice_id
                join company_ref c on c.id = i.company_id
                where a.id = :id""", jdbc, accessPolicy);
    }

    @Bean
    AuditedRecords paymentPromiseHistory(JdbcClient jdbc, AccessPolicy accessPolicy) {
        return new OfCompany(PaymentPromises.PROMISE, """
                select c.owner_id from payment_promise p
                join company_ref c on c.id = p.company_id
                where p.id = :id""", jdbc, accessPolicy);
    }

    @Bean
    AuditedRecords collectionStepHistory() {
        return new AuditedRecords() {
            @Override
            public String entityType() {
                return CollectionSchedule.STEP;
            }

            @Override
            public boolean maySee(String entityId) {
                return CollectionSchedule.mayEdit();
            }
        };
    }

    private record OfCompany(String entityType, String ownerQuery, JdbcClient jdbc, AccessPolicy accessPolicy)
            implements AuditedRecords {

        @Override
        public boolean maySee(String entityId) {
            UUID id;
            try {
                id = UUID.fromString(entityId);
            } catch (IllegalArgumentException e) {
                return false;
            }
            Optional<UUID> owner = jdbc.sql(ownerQuery).param("id", id).query(UUID.class).optional();
            return owner.filter(value -> accessPolicy.maySee(new UserId(value))).isPresent();
        }
    }
}
