package org.clientela.keyaccounts.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.Role;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InputErrors;
import org.clientela.shared.RecordNotFoundException;
import org.clientela.shared.StaleVersionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The service tiers, kept by the head, the director and the administrator; everyone reads them. */
@Service
public class ServiceTiers {

    static final String TIER = "ServiceTier";
    static final BigDecimal MAX_DISCOUNT = new BigDecimal("50");
    static final int MAX_LEAD_TIME = 365;
    static final int MAX_NAME = 100;
    static final int MAX_TERMS = 4000;

    private final JdbcClient jdbc;
    private final AuditLog auditLog;

    ServiceTiers(JdbcClient jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    public static boolean mayEdit() {
        return CurrentUser.find().map(user -> user.hasAny(Role.HEAD, Role.DIRECTOR, Role.ADMIN)).orElse(false);
    }

    /** Refuses (403) whoever may not keep the tiers. */
    public static void requireMayEdit() {
        if (!mayEdit()) {
            throw new AccessDeniedException("Service tiers are kept by a head, the director or the administrator");
        }
    }

    @Transactional(readOnly = true)
    public List<ServiceTier> tiers() {
        return jdbc.sql("select * from service_tier order by discount_percent desc, lower(name), id")
                .query(ServiceTier.class).list();
    }

    @Transactional(readOnly = true)
    public ServiceTier tier(UUID id) {
        return jdbc.sql("select * from service_tier where id = :id").param("id", id).query(ServiceTier.class)
                .optional().orElseThrow(() -> new RecordNotFoundException(TIER, id));
    }

    /** Text fields as typed in a form or sent as JSON numbers/strings. */
    public record TierInput(String name, String discountPercent, String leadTimeDays, String contractTerms) {
    }

    @Transactional
    public ServiceTier create(TierInput input) {
        requireMayEdit();
        ServiceTier tier = check(UUID.randomUUID(), input, 0);
        jdbc.sql("""
                        insert into service_tier (id, name, discount_percent, lead_time_days, contract_terms)
                        values (:id, :name, :discount, :days, :terms)""")
                .param("id", tier.id()).param("name", tier.name()).param("discount", tier.discountPercent())
                .param("days", tier.leadTimeDays()).param("terms", tier.contractTerms()).update();
        auditLog.created(TIER, tier.id(), AuditChanges.of().field("name", null, tier.name())
                .field("discountPercent", null, tier.discountPercent()).field("leadTimeDays", null, tier.leadTimeDays())
                .field("contractTerms", null, tier.contractTerms()));
        return tier;
    }

    @Transactional
    public ServiceTier change(UUID id, long expectedVersion, TierInput input) {
        requireMayEdit();
        ServiceTier before = locked(id, expectedVersion);
        ServiceTier tier = check(id, input, expectedVersion + 1);
        jdbc.sql("""
                        update service_tier set name = :name, discount_percent = :discount, lead_time_days = :days,
                            contract_terms = :terms, version = version + 1
                        where id = :id""")
                .param("id", id).param("name", tier.name()).param("discount", tier.discountPercent())
                .param("days", tier.leadTimeDays()).param("terms", tier.contractTerms()).update();
        auditLog.updated(TIER, id, AuditChanges.of().field("name", before.name(), tier.name())
                .field("discountPercent", before.discountPercent(), tier.discountPercent())
                .field("leadTimeDays", before.leadTimeDays(), tier.leadTimeDays())
                .field("contractTerms", before.contractTerms(), tier.contractTerms()));
        return tier;
    }

    /** A tier some key account has stays: its clients would lose their terms unnoticed. */
    @Transactional
    public void remove(UUID id, long expectedVersion) {
        requireMayEdit();
        ServiceTier tier = locked(id, expectedVersion);
        long users = jdbc.sql("select count(*) from key_account where tier_id = :id").param("id", id)
                .query(Long.class).single();
        if (users > 0) {
            throw new ConflictException("keyaccounts.tier.inUse", tier.name(), users);
        }
        jdbc.sql("delete from service_tier where id = :id").param("id", id).update();
        auditLog.deleted(TIER, id);
    }

    private ServiceTier locked(UUID id, long expectedVersion) {
        ServiceTier tier = jdbc.sql("select * from service_tier where id = :id for update").param("id", id)
                .query(ServiceTier.class).optional().orElseThrow(() -> new RecordNotFoundException(TIER, id));
        if (tier.version() != expectedVersion) {
            throw new StaleVersionException(TIER, id, expectedVersion, tier.version());
        }
        return tier;
    }

    private ServiceTier check(UUID id, TierInput input, long version) {
        InputErrors errors = new InputErrors();
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty()) {
            errors.add("name", "keyaccounts.tier.name.required");
        } else if (name.length() > MAX_NAME) {
            errors.add("name", "keyaccounts.tier.name.long", MAX_NAME);
        } else if (jdbc.sql("select exists (select 1 from service_tier where lower(name) = lower(:name) and id <> :id)")
                .param("name", name).param("id", id).query(Boolean.class).single()) {
            errors.add("name", "keyaccounts.tier.name.taken", name);
        }
        BigDecimal discount = null;
        String discountText = input.discountPercent() == null ? "" : input.discountPercent().strip().replace(',', '.');
        if (discountText.isEmpty()) {
            errors.add("discountPercent", "keyaccounts.tier.discount.required");
        } else {
            try {
                discount = new BigDecimal(discountText);
                if (discount.signum() < 0 || discount.compareTo(MAX_DISCOUNT) > 0
                        || discount.stripTrailingZeros().scale() > 2) {
                    errors.add("discountPercent", "keyaccounts.tier.discount.range", MAX_DISCOUNT);
                }
            } catch (NumberFormatException e) {
                errors.add("discountPercent", "keyaccounts.tier.discount.range", MAX_DISCOUNT);
            }
        }
        Integer days = null;
        String daysText = input.leadTimeDays() == null ? "" : input.leadTimeDays().strip();
        if (daysText.isEmpty()) {
            errors.add("leadTimeDays", "keyaccounts.tier.leadTime.required");
        } else {
            try {
                days = Integer.valueOf(daysText);
                if (days < 0 || days > MAX_LEAD_TIME) {
                    errors.add("leadTimeDays", "keyaccounts.tier.leadTime.range", MAX_LEAD_TIME);
                }
            } catch (NumberFormatException e) {
                errors.add("leadTimeDays", "keyaccounts.tier.leadTime.range", MAX_LEAD_TIME);
            }
        }
        String terms = input.contractTerms() == null ? "" : input.contractTerms().strip();
        if (terms.length() > MAX_TERMS) {
            errors.add("contractTerms", "keyaccounts.tier.terms.long", MAX_TERMS);
        }
        errors.throwIfAny();
        return new ServiceTier(id, name, discount.setScale(2), days, terms, version);
    }
}
