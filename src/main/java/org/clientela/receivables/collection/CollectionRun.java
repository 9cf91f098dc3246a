package org.clientela.receivables.collection;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.clients.CompanyContacts;
import org.clientela.clients.CompanyId;
import org.clientela.clients.LegalForm;
import org.clientela.identity.SystemActor;
import org.clientela.identity.UserDirectory;
import org.clientela.identity.UserDirectory.UserSummary;
import org.clientela.platform.OutgoingMail;
import org.clientela.receivables.collection.CollectionMail.Recipient;
import org.clientela.receivables.reconciliation.Party;
import org.clientela.shared.RecordNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The collection's daily work for one day, in this order:
 * <ol>
 * <li>open promises to pay are decided: kept once the payments dated from their recording to
 * their date reach their amount, broken once their date has passed without that;</li>
 * <li>the open actions of invoices paid meanwhile are cancelled;</li>
 * <li>for each unpaid invoice, every step whose day has come (the due date plus the step's days)
 * and that it has no action for yet becomes an action — unless an open promise not yet due covers
 * the invoice: the client promised, so nobody chases them. A promise broken today also brings the
 * next step of the schedule forward to today.</li>
 * </ol>
 * Each invoice's actions commit together; an action exists once per invoice and step (a unique
 * index), so a second run on a day, or two runs at once, create nothing twice. Running on a day
 * after missed days catches up: every step whose day has come is created.
 */
@Component
public class CollectionRun {

    static final String LOCK = "collection-run";
    private static final Logger log = LoggerFactory.getLogger(CollectionRun.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final UserDirectory users;
    private final CompanyContacts contacts;
    private final OutgoingMail mail;
    private final CollectionMail letters;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final int daysToComplete;

    CollectionRun(JdbcClient jdbc, TransactionTemplate transactions, UserDirectory users, CompanyContacts contacts,
            OutgoingMail mail, CollectionMail letters, AuditLog auditLog, MessageSource messages,
            @Value("${clientela.collection.days-to-complete:3}") int daysToComplete) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.users = users;
        this.contacts = contacts;
        this.mail = mail;
        this.letters = letters;
        this.auditLog = auditLog;
        this.messages = messages;
        this.daysToComplete = daysToComplete;
    }

    /** What one run did; serializable, as the page that started it shows it after a redirect. */
    public record RunOutcome(LocalDate day, int promisesKept, int promisesBroken, int actionsCancelled,
            int actionsCreated) implements Serializable {
    }

    /**
     * Runs the day's work unless another run holds the lock (on this node or another): then it
     * does nothing and answers empty. No minimum lock time: a run that starts right after another
     * finished finds nothing left to do.
     */
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT30M")
    public Optional<RunOutcome> runFor(LocalDate day) {
        return Optional.of(SystemActor.call(() -> work(day)));
    }

    private RunOutcome work(LocalDate day) {
        Assignees assignees = new Assignees(users);
        Map<UUID, UUID> raisedBy = new HashMap<>();
        int kept = 0;
        int broken = 0;
        for (OpenPromise promise : openPromises()) {
            if (promise.paid().compareTo(promise.amount()) >= 0) {
                kept += decide(promise, PromiseStatus.KEPT) ? 1 : 0;
            } else if (promise.promisedDate().isBefore(day) && decide(promise, PromiseStatus.BROKEN)) {
                broken++;
                coveredInvoices(promise, day).forEach(invoice -> raisedBy.putIfAbsent(invoice, promise.id()));
            }
        }
        int cancelled = transactions.execute(status -> cancelActionsOfPaidInvoices());
        int created = 0;
        for (Map.Entry<DueInvoice, List<Step>> invoice : missingSteps(day).entrySet()) {
            try {
                created += transactions.execute(status -> createActions(invoice.getKey(), invoice.getValue(), day,
                        raisedBy.get(invoice.getKey().id()), assignees));
            } catch (RuntimeException e) {
                // one invoice's failure must not hold back the collection of all the others
                log.error("Collection actions of invoice {} not created", invoice.getKey().number(), e);
            }
        }
        RunOutcome outcome = new RunOutcome(day, kept, broken, cancelled, created);
        log.info("Collection run: {}", outcome);
        return outcome;
    }

    private record OpenPromise(UUID id, UUID companyId, UUID invoiceId, LocalDate promisedDate, BigDecimal amount,
            BigDecimal paid) {
    }

    private List<OpenPromise> openPromises() {
        return jdbc.sql("""
                        select p.id, p.company_id, p.invoice_id, p.promised_date, p.amount,
                               coalesce((select sum(pm.amount) from payment pm
                                         where pm.company_id = p.company_id
                                           and pm.payment_date between p.recorded_on and p.promised_date), 0) as paid
                        from payment_promise p
                        where p.status = 'OPEN'
                        order by p.promised_date, p.id""")
                .query((rs, row) -> new OpenPromise(rs.getObject("id", UUID.class),
                        rs.getObject("company_id", UUID.class), rs.getObject("invoice_id", UUID.class),
                        rs.getObject("promised_date", LocalDate.class), rs.getBigDecimal("amount"),
                        rs.getBigDecimal("paid")))
                .list();
    }

    /** Only the run that moves the promise from OPEN decides it: two runs at once decide it once. */
    private boolean decide(OpenPromise promise, PromiseStatus decision) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            int updated = jdbc.sql("""
                            update payment_promise set status = :status, checked_at = now(), version = version + 1
                            where id = :id and status = 'OPEN'""")
                    .param("status", decision.name()).param("id", promise.id()).update();
            if (updated == 1) {
                auditLog.updated(PaymentPromises.PROMISE, promise.id(), AuditChanges.of()
                        .field("status", PromiseStatus.OPEN, decision)
                        .field("paidInTime", null, promise.paid().toPlainString()));
            }
            return updated == 1;
        }));
    }

    /** The invoices whose next step a broken promise brings forward: overdue and still unpaid. */
    private List<UUID> coveredInvoices(OpenPromise promise, LocalDate day) {
        if (promise.invoiceId() != null) {
            return jdbc.sql("select id from invoice where id = :invoice and settled_on is null and due_date < :day")
                    .param("invoice", promise.invoiceId()).param("day", day).query(UUID.class).list();
        }
        return jdbc.sql("""
                        select id from invoice
                        where company_id = :company and settled_on is null and due_date < :day""")
                .param("company", promise.companyId()).param("day", day).query(UUID.class).list();
    }

    private int cancelActionsOfPaidInvoices() {
        List<UUID> cancelled = jdbc.sql("""
                        update collection_action a set status = 'CANCELLED', cancelled_at = now(), version = a.version + 1
                        from invoice i
                        where i.id = a.invoice_id and a.status = 'OPEN' and i.settled_on is not null
                        returning a.id""")
                .query(UUID.class).list();
        for (UUID id : cancelled) {
            auditLog.updated(CollectionActions.ACTION, id, AuditChanges.of()
                    .field("status", ActionStatus.OPEN, ActionStatus.CANCELLED));
        }
        return cancelled.size();
    }

    private record Step(UUID id, StepKind kind, int daysAfterDue) {
    }

    /** The unpaid invoices due by {@code day} with the steps they have no action for, in the schedule's order. */
    private Map<DueInvoice, List<Step>> missingSteps(LocalDate day) {
        Map<DueInvoice, List<Step>> missing = new LinkedHashMap<>();
        jdbc.sql("""
                        select i.id, i.number, i.issue_date, i.due_date, i.amount, i.paid_amount, i.company_id,
                               c.name as company_name, c.legal_form, c.inn, c.owner_id,
                               exists (select 1 from payment_promise p
                                       where p.status = 'OPEN' and p.promised_date >= :day
                                         and p.company_id = i.company_id
                                         and (p.invoice_id is null or p.invoice_id = i.id)) as promised,
                               s.id as step_id, s.kind, s.days_after_due
                        from invoice i
                        join company_ref c on c.id = i.company_id
                        cross join collection_step s
                        where i.settled_on is null and i.due_date <= :day
                          and not exists (select 1 from collection_action a
                                          where a.invoice_id = i.id and a.step_id = s.id)
                        order by i.due_date, i.id, s.days_after_due, s.position""")
                .param("day", day)
                .query(rs -> {
                    DueInvoice invoice = new DueInvoice(rs.getObject("id", UUID.class), rs.getString("number"),
                            rs.getObject("issue_date", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                            rs.getBigDecimal("amount"), rs.getBigDecimal("paid_amount"),
                            rs.getObject("company_id", UUID.class),
                            Party.legalName(LegalForm.valueOf(rs.getString("legal_form")), rs.getString("company_name"),
                                    messages),
                            rs.getString("inn"), rs.getObject("owner_id", UUID.class), rs.getBoolean("promised"));
                    missing.computeIfAbsent(invoice, key -> new ArrayList<>()).add(new Step(
                            rs.getObject("step_id", UUID.class), StepKind.valueOf(rs.getString("kind")),
                            rs.getInt("days_after_due")));
                });
        return missing;
    }

    private int createActions(DueInvoice invoice, List<Step> missing, LocalDate day, UUID brokenPromise,
            Assignees assignees) {
        if (invoice.promised()) {
            return 0;
        }
        List<Step> now = new ArrayList<>();
        Step raised = null;
        for (Step step : missing) {
            if (!invoice.dueDate().plusDays(step.daysAfterDue()).isAfter(day)) {
                now.add(step);
            } else if (raised == null && brokenPromise != null && invoice.dueDate().isBefore(day)) {
                raised = step;
            }
        }
        int created = 0;
        for (Step step : now) {
            created += create(invoice, step, day, null, assignees) ? 1 : 0;
        }
        if (raised != null) {
            created += create(invoice, raised, day, brokenPromise, assignees) ? 1 : 0;
        }
        return created;
    }

    private boolean create(DueInvoice invoice, Step step, LocalDate day, UUID raisedBy, Assignees assignees) {
        UUID id = UUID.randomUUID();
        UUID assignee = assignees.assigneeFor(step.kind(), invoice.ownerId());
        Optional<Recipient> client = step.kind() == StepKind.EMAIL_REMINDER ? recipientAt(invoice) : Optional.empty();
        Optional<UserSummary> head = step.kind() == StepKind.ESCALATION
                ? assignees.user(assignee).filter(user -> user.email() != null && !user.email().isBlank())
                : Optional.empty();
        String mailedTo = client.map(Recipient::address).or(() -> head.map(UserSummary::email)).orElse(null);
        // a reminder that went out is done; one without an address is the manager's task to deliver
        boolean done = client.isPresent();
        int inserted = jdbc.sql("""
                        insert into collection_action (id, invoice_id, step_id, kind, days_after_due, created_on, due_on,
                            raised_by_promise, status, assigned_to, mailed_to, done_at)
                        values (:id, :invoice, :step, :kind, :days, :day, :dueOn, :raisedBy, :status, :assignee,
                            :mailedTo, case when :done then now() end)
                        on conflict (invoice_id, step_id) do nothing""")
                .param("id", id).param("invoice", invoice.id()).param("step", step.id())
                .param("kind", step.kind().name()).param("days", step.daysAfterDue()).param("day", day)
                .param("dueOn", done ? day : day.plusDays(daysToComplete)).param("raisedBy", raisedBy)
                .param("status", (done ? ActionStatus.DONE : ActionStatus.OPEN).name()).param("assignee", assignee)
                .param("mailedTo", mailedTo).param("done", done).update();
        if (inserted == 0) {
            return false;
        }
        auditLog.created(CollectionActions.ACTION, id, AuditChanges.of()
                .field("invoice", null, invoice.number())
                .field("kind", null, step.kind())
                .field("createdOn", null, day)
                .field("assignedTo", null, assignee)
                .field("status", null, done ? ActionStatus.DONE : ActionStatus.OPEN)
                .field("mailedTo", null, mailedTo)
                .field("raisedByPromise", null, raisedBy));
        long overdue = invoice.daysOverdue(day);
        String ownerName = assignees.user(invoice.ownerId()).map(UserSummary::fullName).orElse("");
        client.ifPresent(recipient -> mail.send(letters.reminder(id, recipient, invoice, overdue, ownerName)));
        head.ifPresent(user -> mail.send(letters.escalation(id, user, invoice, overdue, ownerName)));
        return true;
    }

    private Optional<Recipient> recipientAt(DueInvoice invoice) {
        try {
            return CollectionMail.recipient(contacts.of(new CompanyId(invoice.companyId())));
        } catch (RecordNotFoundException e) {
            // a company archived by a merge: its people have moved to the company it was merged into
            return Optional.empty();
        }
    }
}
