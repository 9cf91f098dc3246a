package org.clientela.keyaccounts.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.keyaccounts.AbcClass;
import org.clientela.keyaccounts.AbcXyzClasses;
import org.clientela.keyaccounts.Measure;
import org.clientela.keyaccounts.internal.KeyAccount.Basis;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The key-account rule (K2): a company is key when it was class A by revenue, the whole
 * department classified, in each of the last two whole quarters before the day. The rule marks
 * those, unless a person unmarked them; it takes back its own flag from those no longer A, never a
 * person's. Each change is audited with the rule's words as the reason; a run changes everything
 * or nothing (one transaction), and a second run on the same facts changes nothing.
 */
@Component
public class KeyAccountRule {

    static final String LOCK = "key-account-rule";
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AbcXyzClasses classes;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final Clock clock;

    KeyAccountRule(JdbcClient jdbc, TransactionTemplate transactions, AbcXyzClasses classes, AuditLog auditLog,
            MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.classes = classes;
        this.auditLog = auditLog;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * What a run did, as counts: the companies are the department's, not only those the caller sees.
     *
     * @param from the first month of the earlier quarter, {@code to} the last of the later one
     */
    public record Outcome(YearMonth from, YearMonth to, int qualified, int marked, int unmarked, int blocked) {
    }

    /** Empty when another node (or request) is running it right now. */
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT30M")
    public Optional<Outcome> evaluate(LocalDate day) {
        return Optional.of(transactions.execute(status -> work(day)));
    }

    /** Each department client's ABC class by revenue in the last whole quarter before {@code day}. */
    public Map<UUID, AbcClass> classesNow(LocalDate day) {
        YearMonth quarter = lastWholeQuarter(day);
        return classes.classify(quarter, quarter.plusMonths(2), Measure.REVENUE).companies().stream()
                .collect(Collectors.toMap(company -> company.companyId(), company -> company.abc()));
    }

    /** The first month of the last whole quarter before {@code day}. */
    static YearMonth lastWholeQuarter(LocalDate day) {
        YearMonth month = YearMonth.from(day);
        return month.minusMonths((month.getMonthValue() - 1) % 3).minusMonths(3);
    }

    private Outcome work(LocalDate day) {
        YearMonth later = lastWholeQuarter(day);
        YearMonth earlier = later.minusMonths(3);
        // classified over the later quarter, each company comes with its class in the quarter before it
        UUID[] twiceA = classes.classify(later, later.plusMonths(2), Measure.REVENUE).companies().stream()
                .filter(company -> company.abc() == AbcClass.A && company.previousAbc() == AbcClass.A)
                .map(company -> company.companyId()).toArray(UUID[]::new);
        // an archived or merged company keeps no flag of the rule's
        Set<UUID> qualified = Set.copyOf(jdbc.sql("""
                        select id from company_ref
                        where id = any(:ids) and archived_at is null and merged_into is null""")
                .param("ids", twiceA).query(UUID.class).list());
        Map<UUID, State> states = new HashMap<>();
        jdbc.sql("select company_id, is_key, basis from key_account for update").query(rs -> {
            states.put(rs.getObject("company_id", UUID.class),
                    new State(rs.getBoolean("is_key"), Basis.valueOf(rs.getString("basis"))));
        });
        String quarters = messages.getMessage("keyaccounts.rule.quarters", new Object[] {quarter(earlier),
                quarter(later)}, RUSSIAN);
        String markReason = messages.getMessage("keyaccounts.rule.marked", new Object[] {quarters}, RUSSIAN);
        String unmarkReason = messages.getMessage("keyaccounts.rule.unmarked", new Object[] {quarters}, RUSSIAN);
        Timestamp now = Timestamp.from(Instant.now(clock));
        int marked = 0;
        int blocked = 0;
        for (UUID company : qualified) {
            State state = states.get(company);
            if (state == null) {
                jdbc.sql("""
                                insert into key_account (company_id, is_key, basis, since, reason, version)
                                values (:company, true, 'RULE', :now, :reason, 1)""")
                        .param("company", company).param("now", now).param("reason", markReason).update();
                auditLog.created(KeyAccounts.KEY_ACCOUNT, company, AuditChanges.of().field("key", null, true)
                        .field("basis", null, Basis.RULE).field("reason", null, markReason));
                marked++;
            } else if (!state.key() && state.basis() == Basis.DECISION) {
                blocked++;
            } else if (!state.key()) {
                change(company, true, now, markReason);
                marked++;
            }
        }
        List<UUID> lost = states.entrySet().stream()
                .filter(entry -> entry.getValue().key() && entry.getValue().basis() == Basis.RULE
                        && !qualified.contains(entry.getKey()))
                .map(Map.Entry::getKey).toList();
        lost.forEach(company -> change(company, false, now, unmarkReason));
        return new Outcome(earlier, later.plusMonths(2), qualified.size(), marked, lost.size(), blocked);
    }

    private void change(UUID company, boolean key, Timestamp now, String reason) {
        String before = jdbc.sql("select reason from key_account where company_id = :company")
                .param("company", company).query(String.class).single();
        jdbc.sql("""
                        update key_account set is_key = :key, basis = 'RULE', since = :now, reason = :reason,
                            version = version + 1
                        where company_id = :company""")
                .param("key", key).param("now", now).param("reason", reason).param("company", company).update();
        auditLog.updated(KeyAccounts.KEY_ACCOUNT, company, AuditChanges.of().field("key", !key, key)
                .field("basis", Basis.RULE, Basis.RULE).field("reason", before, reason));
    }

    private static String quarter(YearMonth first) {
        return first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1);
    }

    private record State(boolean key, Basis basis) {
    }
}
