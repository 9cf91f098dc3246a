package org.clientela.receivables.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.clientela.platform.DemoDataContributor;
import org.clientela.receivables.collection.CollectionRun;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The money of the demo world: two years of the demo clients' payments and the last months of
 * the collection, so that the debt list, the ageing, the credit scores, the collection section and
 * the start page show a department at work. The demo clients are the companies the orders part
 * invoiced, in its order (by INN); by their place in it:
 * <ul>
 * <li>most pay each invoice a few days before it falls due; what is not yet due is open;</li>
 * <li>the 1st, the client over its limit, is one of them: its open orders alone exceed its limit;</li>
 * <li>the 3rd, 5th and 8th pay 10–40 days late, so what fell due lately they may still owe;</li>
 * <li>the 4th paid on time until its latest invoice: after the reminder it promised to pay it
 * within days and did not, so the call came forward and is late now (the orders part then holds
 * its new order for the overdue debt);</li>
 * <li>the 7th stopped paying: it owes every invoice from its latest one more than 90 days overdue
 * on, of which it paid a part;</li>
 * <li>the 12th, a prepayment client, has paid an advance for its next order.</li>
 * </ul>
 * One of the late payers promised to pay once and kept it. The collection ran every morning of the
 * last months, each day's payments and promises coming in after it. Its calls and letters were
 * done a day after they came, except those of the last ten days, which are open; the head's
 * escalations wait for the debt: the run cancelled those whose invoice was paid, the others are
 * open. Payments go through the {@link PaymentService} as a bank statement's import, without a
 * user, as the orders part issues its invoices; the runs' stamps (created, mailed, cancelled,
 * decided) are set to their day's morning.
 */
@Component
class ReceivablesDemoData implements DemoDataContributor {

    private static final long SEED = 20261128L;
    private static final LocalTime RUN_TIME = LocalTime.of(6, 30);
    /** The collection of how many past days is replayed; older debts are caught up by the first run. */
    private static final int MOST_DAYS_REPLAYED = 180;
    private static final int LEAST_DAYS_REPLAYED = 60;
    /** Tasks of the last ten days are still open. */
    private static final int DAYS_TASKS_OPEN = 10;
    private static final BigDecimal ADVANCE = new BigDecimal("150000.00");
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private enum Habit { ON_TIME, LATE, BROKEN_PROMISE, STOPPED, ADVANCE }

    /** The habits by place in the demo clients' list (from 0); the others pay on time. */
    private static final Map<Integer, Habit> HABITS = Map.of(2, Habit.LATE, 3, Habit.BROKEN_PROMISE,
            4, Habit.LATE, 6, Habit.STOPPED, 7, Habit.LATE, 11, Habit.ADVANCE);

    private record Invoice(UUID id, UUID company, String number, LocalDate issued, LocalDate due, BigDecimal amount,
            BigDecimal vat) {
    }

    private record Client(UUID id, UUID owner, Habit habit, List<Invoice> invoices) {
    }

    private record Payment(UUID company, LocalDate date, BigDecimal amount, String purpose, boolean advance,
            Invoice invoice) {
    }

    private record Promise(UUID company, Invoice invoice, UUID recordedBy, LocalDate recordedOn,
            LocalDate promisedDate, String note) {
    }

    private final JdbcClient jdbc;
    private final PaymentService payments;
    private final CollectionRun collection;
    private final Today today;
    private final ZoneId zone;

    ReceivablesDemoData(JdbcClient jdbc, PaymentService payments, CollectionRun collection, Today today,
            @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.jdbc = jdbc;
        this.payments = payments;
        this.collection = collection;
        this.today = today;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "receivables";
    }

    /** After the orders part, which issued the invoices; before its credit holds, which read what is owed. */
    @Override
    public int order() {
        return 450;
    }

    @Override
    public boolean hasData() {
        return jdbc.sql("select exists (select 1 from payment)").query(Boolean.class).single();
    }

    @Override
    public void load() {
        LocalDate today = this.today.date();
        List<Client> clients = demoClients();
        Random random = new Random(SEED);
        List<Payment> planned = new ArrayList<>();
        List<Promise> promises = new ArrayList<>();
        for (Client client : clients) {
            plan(client, today, random, planned, promises);
        }
        keptPromise(planned, clients, today).ifPresent(promises::add);
        planned.sort(Comparator.comparing(Payment::date));
        List<UUID> invoices = clients.stream().flatMap(client -> client.invoices().stream()).map(Invoice::id).toList();
        Map<UUID, PaymentOrders> references = new LinkedHashMap<>();
        clients.forEach(client -> references.put(client.id(), new PaymentOrders(100 + random.nextInt(900))));

        LocalDate first = firstReplayedDay(planned, clients, today);
        for (Payment payment : planned) {
            if (payment.date().isBefore(first)) {
                record(payment, references.get(payment.company()), random);
            }
        }
        for (LocalDate run = first; !run.isAfter(today); run = run.plusDays(1)) {
            collection.runFor(run);
            if (run.isBefore(today)) {
                stampRunAt(run, invoices);
            }
            workOff(run, today, invoices, promises, random);
            for (Payment payment : planned) {
                if (payment.date().equals(run)) {
                    record(payment, references.get(payment.company()), random);
                }
            }
            for (Promise promise : promises) {
                if (promise.recordedOn().equals(run)) {
                    record(promise);
                }
            }
        }
    }

    /**
     * The companies of the invoices the orders part issued — at start-up, by nobody, unlike those
     * entered, imported or invoiced by people since — by INN, each with its habit and its invoices
     * by due date.
     */
    private List<Client> demoClients() {
        Map<UUID, UUID> owners = new LinkedHashMap<>();
        Map<UUID, List<Invoice>> invoices = new LinkedHashMap<>();
        jdbc.sql("""
                        select i.id, i.company_id, c.owner_id, i.number, i.issue_date, i.due_date, i.amount,
                               i.vat_amount
                        from invoice i join company_ref c on c.id = i.company_id
                        where i.source = 'ORDER' and i.created_by is null and c.merged_into is null
                        order by c.inn, c.id, i.due_date, i.issue_date, i.number""")
                .query(rs -> {
                    UUID company = rs.getObject("company_id", UUID.class);
                    owners.put(company, rs.getObject("owner_id", UUID.class));
                    invoices.computeIfAbsent(company, key -> new ArrayList<>()).add(new Invoice(
                            rs.getObject("id", UUID.class), company, rs.getString("number"),
                            rs.getObject("issue_date", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                            rs.getBigDecimal("amount"), rs.getBigDecimal("vat_amount")));
                });
        List<Client> clients = new ArrayList<>();
        for (Map.Entry<UUID, List<Invoice>> client : invoices.entrySet()) {
            clients.add(new Client(client.getKey(), owners.get(client.getKey()),
                    HABITS.getOrDefault(clients.size(), Habit.ON_TIME), client.getValue()));
        }
        return clients;
    }

    /** What the client pays of its invoices fallen due, and when, by its habit. */
    private static void plan(Client client, LocalDate today, Random random, List<Payment> planned,
            List<Promise> promises) {
        UUID company = client.id();
        List<Invoice> invoices = client.invoices();
        Habit habit = client.habit();
        List<Invoice> fallenDue = invoices.stream().filter(invoice -> invoice.due().isBefore(today)).toList();
        int unpaidFrom = switch (habit) {
            case BROKEN_PROMISE -> fallenDue.size() - 1;
            case STOPPED -> lastDueBefore(fallenDue, today.minusDays(90));
            default -> fallenDue.size();
        };
        for (int i = 0; i < Math.min(unpaidFrom, fallenDue.size()); i++) {
            Invoice invoice = fallenDue.get(i);
            LocalDate date = habit == Habit.LATE ? invoice.due().plusDays(10 + random.nextInt(31))
                    : invoice.due().minusDays(random.nextInt((int) Math.min(6, days(invoice) + 1)));
            if (date.isBefore(today)) {
                planned.add(new Payment(company, date, invoice.amount(), purpose("Оплата", invoice, invoice.amount()),
                        false, invoice));
            }
        }
        if (habit == Habit.BROKEN_PROMISE && !fallenDue.isEmpty()) {
            Invoice owed = fallenDue.get(fallenDue.size() - 1);
            // recorded the day after the reminder, due two days later, found broken the morning after
            if (owed.due().plusDays(5).compareTo(today) <= 0) {
                promises.add(new Promise(company, owed, client.owner(), owed.due().plusDays(2),
                        owed.due().plusDays(4), "Ждут оплату от своего заказчика"));
            }
        }
        if (habit == Habit.STOPPED && unpaidFrom < fallenDue.size()) {
            Invoice owed = fallenDue.get(unpaidFrom);
            BigDecimal part = owed.amount().multiply(new BigDecimal("0.3")).divide(BigDecimal.valueOf(10_000), 0,
                    RoundingMode.DOWN).multiply(BigDecimal.valueOf(10_000)).setScale(2);
            LocalDate date = owed.due().plusDays(20);
            if (part.signum() > 0 && date.isBefore(today)) {
                planned.add(new Payment(company, date, part, purpose("Частичная оплата", owed, part), false, owed));
            }
        }
        if (habit == Habit.ADVANCE && !invoices.isEmpty()) {
            Invoice last = invoices.get(invoices.size() - 1);
            BigDecimal vat = ADVANCE.multiply(last.vat()).divide(last.amount(), 2, RoundingMode.HALF_UP);
            planned.add(new Payment(company, today.minusDays(3), ADVANCE,
                    "Предоплата по договору поставки, в т.ч. НДС " + rubles(vat) + " руб.", true, null));
        }
    }

    /** The place of the last invoice due before {@code day}; without one, past the last. */
    private static int lastDueBefore(List<Invoice> invoices, LocalDate day) {
        int last = invoices.size();
        for (int i = 0; i < invoices.size(); i++) {
            if (invoices.get(i).due().isBefore(day)) {
                last = i;
            }
        }
        return last;
    }

    /**
     * The late payers' latest payment that the collection's replay reaches: the client promised it
     * the day after the call, for the day it then paid.
     */
    private static Optional<Promise> keptPromise(List<Payment> planned, List<Client> clients, LocalDate today) {
        Map<UUID, UUID> latePayers = new LinkedHashMap<>();
        clients.stream().filter(client -> client.habit() == Habit.LATE)
                .forEach(client -> latePayers.put(client.id(), client.owner()));
        return planned.stream()
                .filter(payment -> latePayers.containsKey(payment.company()) && payment.invoice() != null)
                .filter(payment -> !payment.invoice().due().plusDays(8).isBefore(today.minusDays(LEAST_DAYS_REPLAYED)))
                .max(Comparator.comparing(Payment::date))
                .map(payment -> new Promise(payment.company(), payment.invoice(), latePayers.get(payment.company()),
                        payment.invoice().due().plusDays(8), payment.date(), null));
    }

    /** The first morning replayed: far enough back for the oldest debt still owed, within bounds. */
    private static LocalDate firstReplayedDay(List<Payment> planned, List<Client> clients, LocalDate today) {
        Map<UUID, BigDecimal> paid = new LinkedHashMap<>();
        planned.stream().filter(payment -> payment.invoice() != null)
                .forEach(payment -> paid.merge(payment.invoice().id(), payment.amount(), BigDecimal::add));
        LocalDate first = today.minusDays(LEAST_DAYS_REPLAYED);
        for (Client client : clients) {
            for (Invoice invoice : client.invoices()) {
                boolean owed = paid.getOrDefault(invoice.id(), BigDecimal.ZERO).compareTo(invoice.amount()) < 0;
                if (owed && invoice.due().isBefore(first)) {
                    first = invoice.due().plusDays(1);
                }
            }
        }
        LocalDate earliest = today.minusDays(MOST_DAYS_REPLAYED);
        return first.isBefore(earliest) ? earliest : first;
    }

    private void record(Payment payment, PaymentOrders references, Random random) {
        payments.record(new PaymentService.Checked(payment.company(), payment.date(), payment.amount(),
                references.next(random), payment.purpose(), null, payment.advance()), PaymentService.Source.IMPORT);
    }

    private void record(Promise promise) {
        jdbc.sql("""
                        insert into payment_promise (id, company_id, invoice_id, promised_date, amount, made_by, note,
                            recorded_on, recorded_at, recorded_by)
                        values (:id, :company, :invoice, :promisedDate, :amount, 'Главный бухгалтер', :note,
                            :recordedOn, :recordedAt, :recordedBy)""")
                .param("id", UUID.randomUUID()).param("company", promise.company())
                .param("invoice", promise.invoice().id()).param("promisedDate", promise.promisedDate())
                .param("amount", promise.invoice().amount()).param("note", promise.note())
                .param("recordedOn", promise.recordedOn()).param("recordedAt", at(promise.recordedOn(), 15))
                .param("recordedBy", promise.recordedBy()).update();
    }

    /**
     * The run stamps what it does with the transaction's time, which for a replayed day is its
     * morning: the actions it created and mailed, those it cancelled, the promises it decided.
     */
    private void stampRunAt(LocalDate day, List<UUID> invoices) {
        OffsetDateTime morning = day.atTime(RUN_TIME).atZone(zone).toOffsetDateTime();
        UUID[] ids = invoices.toArray(UUID[]::new);
        jdbc.sql("""
                        update collection_action set created_at = :morning,
                            done_at = case when status = 'DONE' then :morning end
                        where created_on = :day and invoice_id = any(:invoices)""")
                .param("morning", morning).param("day", day).param("invoices", ids).update();
        jdbc.sql("""
                        update collection_action set cancelled_at = :morning
                        where cancelled_at > :morning and invoice_id = any(:invoices)""")
                .param("morning", morning).param("invoices", ids).update();
        jdbc.sql("""
                        update payment_promise set checked_at = :morning
                        where checked_at > :morning and invoice_id = any(:invoices)""")
                .param("morning", morning).param("invoices", ids).update();
    }

    /**
     * The tasks open since before {@code day}, but for the head's escalations, are done that day by
     * their assignees, unless they are still open today.
     */
    private void workOff(LocalDate day, LocalDate today, List<UUID> invoices, List<Promise> promises, Random random) {
        if (day.isAfter(today.minusDays(DAYS_TASKS_OPEN))) {
            return;
        }
        record Open(UUID id, String kind, UUID invoice) {
        }
        List<Open> open = jdbc.sql("""
                        select id, kind, invoice_id from collection_action
                        where status = 'OPEN' and kind <> 'ESCALATION' and created_on < :day
                          and invoice_id = any(:invoices)
                        order by created_on, id""")
                .param("day", day).param("invoices", invoices.toArray(UUID[]::new))
                .query((rs, row) -> new Open(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class)))
                .list();
        for (Open action : open) {
            jdbc.sql("""
                            update collection_action set status = 'DONE', outcome = :outcome, done_by = assigned_to,
                                done_at = :at, version = version + 1
                            where id = :id""")
                    .param("outcome", outcome(action.kind(), action.invoice(), day, promises))
                    .param("at", at(day, 10 + random.nextInt(7))).param("id", action.id()).update();
        }
    }

    /** What came of a task; a call on the day the client promised to pay says so. */
    private static String outcome(String kind, UUID invoice, LocalDate day, List<Promise> promises) {
        return switch (kind) {
            case "CALL_TASK" -> promises.stream()
                    .filter(promise -> promise.invoice().id().equals(invoice) && promise.recordedOn().equals(day))
                    .findFirst()
                    .map(promise -> "Главный бухгалтер обещает оплатить до "
                            + promise.promisedDate().format(RUSSIAN_DATE) + ".")
                    .orElse("Созвон с бухгалтерией: счёт в реестре платежей, оплату обещают на днях.");
            case "LETTER" -> "Претензия подписана и отправлена заказным письмом.";
            default -> "Напоминание отправлено с рабочей почты.";
        };
    }

    private static String purpose(String what, Invoice invoice, BigDecimal amount) {
        BigDecimal vat = amount.multiply(invoice.vat()).divide(invoice.amount(), 2, RoundingMode.HALF_UP);
        return what + " по счёту " + invoice.number() + " от " + invoice.issued().format(RUSSIAN_DATE)
                + ", в т.ч. НДС " + rubles(vat) + " руб.";
    }

    private static String rubles(BigDecimal amount) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator(' ');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat("#,##0.00", symbols).format(amount);
    }

    /** The invoice's payment terms in days. */
    private static long days(Invoice invoice) {
        return invoice.due().toEpochDay() - invoice.issued().toEpochDay();
    }

    private OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(zone).toOffsetDateTime();
    }

    /** A client's payment order numbers: rising, with the orders to other suppliers in between. */
    private static final class PaymentOrders {

        private int last;

        PaymentOrders(int first) {
            this.last = first;
        }

        String next(Random random) {
            last += 1 + random.nextInt(15);
            return String.valueOf(last);
        }
    }
}
