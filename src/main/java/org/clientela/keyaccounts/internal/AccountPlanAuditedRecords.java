package org.clientela.keyaccounts.internal;

import java.util.UUID;
import java.util.function.Consumer;

import org.clientela.audit.AuditedRecords;
import org.clientela.shared.RecordNotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The history of an account plan, and of each of its actions, is for those who may see the plan. */
@Configuration(proxyBeanMethods = false)
class AccountPlanAuditedRecords {

    @Bean
    AuditedRecords accountPlanRecords(AccountPlans plans) {
        return records(AccountPlans.PLAN, plans::requireVisible);
    }

    @Bean
    AuditedRecords accountPlanActionRecords(AccountPlans plans, JdbcClient jdbc) {
        return records(AccountPlans.ACTION, id -> plans.action(jdbc.sql("select plan_id from account_plan_action where id = :id")
                .param("id", id).query(UUID.class).optional()
                .orElseThrow(() -> new RecordNotFoundException(AccountPlans.ACTION, id)), id));
    }

    private static AuditedRecords records(String type, Consumer<UUID> show) {
        return new AuditedRecords() {

            @Override
            public String entityType() {
                return type;
            }

            @Override
            public boolean maySee(String entityId) {
                try {
                    show.accept(UUID.fromString(entityId));
                    return true;
                } catch (IllegalArgumentException | RecordNotFoundException e) {
                    return false;
                }
            }
        };
    }
}
