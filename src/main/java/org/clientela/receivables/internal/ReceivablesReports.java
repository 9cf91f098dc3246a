package org.clientela.receivables.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.clientela.identity.AccessPolicy;
import org.clientela.identity.RecordScope;
import org.clientela.identity.TeamId;
import org.clientela.identity.UserDirectory;
import org.clientela.identity.UserId;
import org.clientela.receivables.ReceivablesOverview;
import org.clientela.shared.InputErrors;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.PageResponse;
import org.clientela.shared.RecordNotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the clients owe, read in hand-written SQL over the indexes of V16: a company's balance at
 * a date (R1), the ageing of receivables, the debt list of a manager and DSO (R2), each within the
 * user's access.
 *
 * <p>Today's figures come from the partial index of the unpaid invoices alone
 * ({@code invoice_open_idx}: company, due date, amount and paid amount). A past day's figures
 * count each invoice open at the end of that day, found by its open period
 * ({@code invoice_open_period_idx}), with what payments dated after that day paid of it added back
 * ({@code payment_allocation_invoice_date_idx}) — one set-based query, whatever the number of
 * clients.
 */
@Service
@Transactional(readOnly = true)
public class ReceivablesReports {

    static final String ASOF_FUTURE = "receivables.asOf.future";
    static final String DAYS_RANGE = "receivables.dso.daysRange";
    static final int MAX_DAYS = 3650;

    /** How the ageing is grouped. */
    public enum GroupBy {
        COMPANY, MANAGER, TEAM;

        /** {@code company}, {@code manager} or {@code team}, any case; blank: by company. */
        public static GroupBy of(String text) {
            if (text == null || text.isBlank()) {
                return COMPANY;
            }
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("groupBy", "receivables.ageing.unknownGroup", text.strip());
            }
        }
    }

    /**
     * A company's account at the end of a day (R1), in roubles.
     *
     * @param balance     invoiced − paid: what the client owes, or (negative) has paid in advance
     * @param openAmount  the unpaid part of the invoices unpaid that day
     * @param overdue     the part of it past its due date that day
     * @param unallocated payments not (yet) set against any invoice that day: the client's credit
     */
    public record Balance(UUID companyId, LocalDate asOf, BigDecimal invoiced, BigDecimal paid, BigDecimal balance,
            int openInvoices, BigDecimal openAmount, BigDecimal overdue, BigDecimal unallocated) {
    }

    /** One line of the ageing: a company, a manager or a team ({@code id} of it), with its unpaid amounts. */
    public record AgeingRow(String id, String name, Buckets buckets) {
    }

    public record Ageing(LocalDate asOf, GroupBy groupBy, Buckets total, PageResponse<AgeingRow> rows) {
    }

    /**
     * @param dso {@code null} when nothing was invoiced in the period
     */
    public record CompanyDso(UUID companyId, String name, BigDecimal receivables, BigDecimal invoiced,
            BigDecimal dso) {
    }

    /**
     * Days sales outstanding on {@code asOf}: the receivables that day / what was invoiced in the
     * {@code days} days up to it (the day itself included) × {@code days}.
     */
    public record Dso(LocalDate asOf, int days, BigDecimal receivables, BigDecimal invoiced, BigDecimal dso,
            PageResponse<CompanyDso> companies) {
    }

    /**
     * A client that owes us, today.
     *
     * @param maxDaysOverdue how long its oldest overdue invoice is overdue; {@code null} when none is
     * @param bucket         the bucket of that invoice ({@link AgeBucket#NOT_DUE} when none is overdue)
     * @param nextDue        the nearest due date of an invoice not yet overdue, or {@code null}
     */
    public record CompanyDebt(UUID companyId, String name, UUID ownerId, String ownerName, boolean archived,
            BigDecimal total, BigDecimal overdue, Integer maxDaysOverdue, AgeBucket bucket, LocalDate nextDue) {
    }

    /** The clients of a debt list (one page) with the unpaid amounts of all of them by bucket. */
    public record Debts(Buckets totals, PageResponse<CompanyDebt> companies) {
    }

    /** The buckets' sums of an {@code owed(company_id, due_date, owed)} set, with a prefix. */
    private static final String BUCKETS = """
            coalesce(sum(o.owed) filter (where o.due_date >= :asOf), 0) as not_due,
            coalesce(sum(o.owed) filter (where :asOf - o.due_date between 1 and 30), 0) as d1_30,
            coalesce(sum(o.owed) filter (where :asOf - o.due_date between 31 and 60), 0) as d31_60,
            coalesce(sum(o.owed) filter (where :asOf - o.due_date between 61 and 90), 0) as d61_90,
            coalesce(sum(o.owed) filter (where :asOf - o.due_date > 90), 0) as d91""";

    private static final String BUCKET_TOTALS = """
            sum(g.not_due) over () as t_not_due, sum(g.d1_30) over () as t_d1_30, sum(g.d31_60) over () as t_d31_60,
            sum(g.d61_90) over () as t_d61_90, sum(g.d91) over () as t_d91, count(*) over () as groups""";

    private static final String VISIBLE = "(:everything or c.owner_id = any(:owners))";

    private final JdbcClient jdbc;
    private final AccessPolicy accessPolicy;
    private final UserDirectory users;
    private final Today today;

    ReceivablesReports(JdbcClient jdbc, AccessPolicy accessPolicy, UserDirectory users, Today today) {
        this.jdbc = jdbc;
        this.accessPolicy = accessPolicy;
        this.users = users;
        this.today = today;
    }

    /** The day of a report: today when not given; never after today (400 at {@code asOf}). */
    public LocalDate asOf(String text) {
        InputErrors errors = new InputErrors();
        LocalDate day = Inputs.date(errors, "asOf", text, null);
        errors.throwIfAny();
        LocalDate now = today.date();
        if (day == null) {
            return now;
        }
        if (day.isAfter(now)) {
            throw new InvalidInputException("asOf", ASOF_FUTURE);
        }
        return day;
    }

    public LocalDate today() {
        return today.date();
    }

    /**
     * The unpaid invoices on {@code asOf} as {@code (company_id, due_date, owed)}: from the partial
     * index today; for a past day, the invoices whose open period contains the day (V26's index),
     * each with what is unpaid today plus what payments dated after that day paid of it.
     */
    private String owed(LocalDate asOf) {
        if (asOf.equals(today.date())) {
            return "select company_id, due_date, amount - paid_amount as owed from invoice where settled_on is null";
        }
        return """
                select i.company_id, i.due_date, i.amount - i.paid_amount
                       + coalesce((select sum(a.amount) from payment_allocation a
                                   where a.invoice_id = i.id and a.payment_date > :asOf), 0) as owed
                from invoice i
                where daterange(i.issue_date, i.settled_on, '[)') @> cast(:asOf as date)""";
    }

    /** The same for one company, whose few invoices are read by the company's index. */
    private String owedBy(LocalDate asOf) {
        if (asOf.equals(today.date())) {
            return """
                    select due_date, amount - paid_amount as owed from invoice
                    where company_id = :company and settled_on is null""";
        }
        return """
                select i.due_date, i.amount - i.paid_amount
                       + coalesce((select sum(a.amount) from payment_allocation a
                                   where a.invoice_id = i.id and a.payment_date > :asOf), 0) as owed
                from invoice i
                where i.company_id = :company and i.issue_date <= :asOf
                  and (i.settled_on is null or i.settled_on > :asOf)""";
    }

    /**
     * A company's balance at the end of {@code asOf}, for a company the user may see. One statement
     * answers it, the company's visibility included: it is asked of a company's page and of the API
     * many times a day.
     */
    public Balance balance(UUID company, LocalDate asOf) {
        Map<String, Object> params = scoped(asOf, null);
        return jdbc.sql("""
                        select (select coalesce(sum(amount), 0) from invoice
                                where company_id = c.id and issue_date <= :asOf) as invoiced,
                               (select coalesce(sum(amount), 0) from payment
                                where company_id = c.id and payment_date <= :asOf) as paid,
                               o.n, o.amount, o.overdue
                        from company_ref c
                        cross join lateral (
                            select count(*) as n, coalesce(sum(o.owed), 0) as amount,
                                   coalesce(sum(o.owed) filter (where o.due_date < :asOf), 0) as overdue
                            from (""" + owedBy(asOf) + """
                            ) o) o
                        where c.id = :company and c.archived_at is null and """ + VISIBLE)
                .params(params).param("company", company)
                .query((rs, row) -> {
                    BigDecimal invoiced = rs.getBigDecimal("invoiced");
                    BigDecimal paid = rs.getBigDecimal("paid");
                    BigDecimal balance = invoiced.subtract(paid);
                    BigDecimal open = rs.getBigDecimal("amount");
                    // every payment up to the day either paid an invoice issued by then or is still
                    // credit: what is owed on the open invoices less the balance
                    return new Balance(company, asOf, invoiced, paid, balance, rs.getInt("n"), open,
                            rs.getBigDecimal("overdue"), open.subtract(balance));
                })
                .optional().orElseThrow(() -> new RecordNotFoundException("Company", company));
    }

    /**
     * A company's balance, overdue amount and the age of its oldest overdue invoice today, for a
     * company the user may see, in one statement as {@link #balance} (archived companies included:
     * what they owe still shows on their page).
     */
    public ReceivablesOverview.ClientDebt debtToday(UUID company) {
        LocalDate asOf = today.date();
        return jdbc.sql("""
                        select (select coalesce(sum(amount), 0) from invoice
                                where company_id = c.id and issue_date <= :asOf)
                             - (select coalesce(sum(amount), 0) from payment
                                where company_id = c.id and payment_date <= :asOf) as balance,
                               o.overdue, o.oldest_due
                        from company_ref c
                        cross join lateral (
                            select coalesce(sum(o.owed) filter (where o.due_date < :asOf), 0) as overdue,
                                   min(o.due_date) filter (where o.due_date < :asOf and o.owed > 0) as oldest_due
                            from (""" + owedBy(asOf) + """
                            ) o) o
                        where c.id = :company and """ + VISIBLE)
                .params(scoped(asOf, null)).param("company", company)
                .query((rs, row) -> {
                    LocalDate oldest = rs.getObject("oldest_due", LocalDate.class);
                    return new ReceivablesOverview.ClientDebt(asOf, rs.getBigDecimal("balance"),
                            rs.getBigDecimal("overdue"),
                            oldest == null ? null : (int) ChronoUnit.DAYS.between(oldest, asOf));
                })
                .optional().orElseThrow(() -> new RecordNotFoundException("Company", company));
    }

    /**
     * The ageing on {@code asOf} of the companies the user may see, grouped; the lines with the
     * most overdue first. {@code owner} narrows it to one manager's clients.
     */
    public Ageing ageing(LocalDate asOf, GroupBy groupBy, UUID owner, int page, int size) {
        if (groupBy == GroupBy.TEAM) {
            return byTeam(asOf, owner, page, size);
        }
        String key = groupBy == GroupBy.COMPANY ? "o.company_id" : "c.owner_id";
        String name = groupBy == GroupBy.COMPANY ? "max(c.name)" : "null";
        Map<String, Object> params = scoped(asOf, owner);
        List<AgeingRow> rows = new ArrayList<>();
        Buckets[] total = {Buckets.ZERO};
        long[] groups = {0};
        String sql = "with o as (" + owed(asOf) + "), g as ("
                + "select " + key + " as id, " + name + " as name, " + BUCKETS + " from o"
                + " join company_ref c on c.id = o.company_id where " + VISIBLE
                + " and (cast(:owner as uuid) is null or c.owner_id = :owner) group by " + key + ") "
                + "select g.*, " + BUCKET_TOTALS + " from g "
                + "order by g.d1_30 + g.d31_60 + g.d61_90 + g.d91 desc, "
                + "g.not_due + g.d1_30 + g.d31_60 + g.d61_90 + g.d91 desc, lower(g.name), g.id "
                + "limit :limit offset :offset";
        jdbc.sql(sql).params(params).param("limit", size).param("offset", (long) page * size).query(rs -> {
            rows.add(new AgeingRow(rs.getString("id"), rs.getString("name"), Buckets.read(rs, "")));
            total[0] = Buckets.read(rs, "t_");
            groups[0] = rs.getLong("groups");
        });
        if (rows.isEmpty() && page > 0) {
            // a page past the end: the totals from the first line
            Ageing first = ageing(asOf, groupBy, owner, 0, 1);
            return new Ageing(asOf, groupBy, first.total(),
                    PageResponse.of(List.of(), page, size, first.rows().totalElements()));
        }
        List<AgeingRow> named = groupBy == GroupBy.MANAGER ? rows.stream()
                .map(row -> new AgeingRow(row.id(), userName(UUID.fromString(row.id())), row.buckets())).toList()
                : rows;
        return new Ageing(asOf, groupBy, total[0], PageResponse.of(named, page, size, groups[0]));
    }

    /** The managers' lines summed per team (a manager without a team is a line of their own). */
    private Ageing byTeam(LocalDate asOf, UUID owner, int page, int size) {
        Ageing managers = ageing(asOf, GroupBy.MANAGER, owner, 0, Integer.MAX_VALUE);
        Map<String, AgeingRow> teams = new LinkedHashMap<>();
        Map<UUID, Optional<TeamId>> teamOf = new HashMap<>();
        for (AgeingRow manager : managers.rows().content()) {
            UUID ownerId = UUID.fromString(manager.id());
            Optional<TeamId> team = teamOf.computeIfAbsent(ownerId,
                    id -> users.find(new UserId(id)).map(UserDirectory.UserSummary::team));
            String id = team.map(TeamId::toString).orElse(manager.id());
            String name = team.flatMap(users::teamName).orElse(manager.name());
            teams.merge(id, new AgeingRow(id, name, manager.buckets()),
                    (a, b) -> new AgeingRow(a.id(), a.name(), a.buckets().plus(b.buckets())));
        }
        List<AgeingRow> sorted = teams.values().stream()
                .sorted(Comparator.comparing((AgeingRow row) -> row.buckets().overdue()).reversed()
                        .thenComparing(Comparator.comparing((AgeingRow row) -> row.buckets().total()).reversed())
                        .thenComparing(AgeingRow::name, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        int from = (int) Math.min((long) page * size, sorted.size());
        int to = (int) Math.min((long) from + size, sorted.size());
        return new Ageing(asOf, GroupBy.TEAM, managers.total(),
                PageResponse.of(sorted.subList(from, to), page, size, sorted.size()));
    }

    /**
     * DSO on {@code asOf} over the last {@code days} days, overall and per company the user may
     * see (those with receivables or invoices in the period), the largest receivables first.
     * Receivables: the unpaid part of the invoices unpaid that day, before any credit.
     */
    public Dso dso(LocalDate asOf, int days, int page, int size) {
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInputException("days", DAYS_RANGE, MAX_DAYS);
        }
        Map<String, Object> params = scoped(asOf, null);
        params.put("since", asOf.minusDays(days));
        List<CompanyDso> rows = new ArrayList<>();
        BigDecimal[] totals = {BigDecimal.ZERO, BigDecimal.ZERO};
        long[] count = {0};
        String sql = "with v as (select c.id, c.name from company_ref c where " + VISIBLE + "), "
                + "o as (" + owed(asOf) + "), "
                + "r as (select o.company_id, sum(o.owed) as receivables from o join v on v.id = o.company_id "
                + "      group by o.company_id), "
                + "s as (select i.company_id, sum(i.amount) as invoiced from invoice i join v on v.id = i.company_id "
                + "      where i.issue_date > :since and i.issue_date <= :asOf group by i.company_id), "
                + "g as (select coalesce(r.company_id, s.company_id) as company_id, "
                + "      coalesce(r.receivables, 0) as receivables, coalesce(s.invoiced, 0) as invoiced "
                + "      from r full join s on s.company_id = r.company_id) "
                + "select g.*, v.name, sum(g.receivables) over () as t_receivables, "
                + "sum(g.invoiced) over () as t_invoiced, count(*) over () as n "
                + "from g join v on v.id = g.company_id "
                + "order by g.receivables desc, g.invoiced desc, lower(v.name), g.company_id "
                + "limit :limit offset :offset";
        jdbc.sql(sql).params(params).param("limit", size).param("offset", (long) page * size).query(rs -> {
            BigDecimal receivables = rs.getBigDecimal("receivables");
            BigDecimal invoiced = rs.getBigDecimal("invoiced");
            rows.add(new CompanyDso(rs.getObject("company_id", UUID.class), rs.getString("name"), receivables,
                    invoiced, dso(receivables, invoiced, days)));
            totals[0] = rs.getBigDecimal("t_receivables");
            totals[1] = rs.getBigDecimal("t_invoiced");
            count[0] = rs.getLong("n");
        });
        if (rows.isEmpty() && page > 0) {
            Dso first = dso(asOf, days, 0, 1);
            return new Dso(asOf, days, first.receivables(), first.invoiced(), first.dso(),
                    PageResponse.of(List.of(), page, size, first.companies().totalElements()));
        }
        BigDecimal receivables = totals[0].setScale(2);
        BigDecimal invoiced = totals[1].setScale(2);
        return new Dso(asOf, days, receivables, invoiced, dso(receivables, invoiced, days),
                PageResponse.of(rows, page, size, count[0]));
    }

    /** receivables / invoiced × days, to a tenth of a day; {@code null} when nothing was invoiced. */
    static BigDecimal dso(BigDecimal receivables, BigDecimal invoiced, int days) {
        if (invoiced.signum() == 0) {
            return null;
        }
        return receivables.multiply(BigDecimal.valueOf(days)).divide(invoiced, 1, RoundingMode.HALF_UP);
    }

    /**
     * The clients the user may see who owe us today, the most overdue first, with the unpaid
     * amounts of all of them by bucket.
     *
     * @param owner       one manager's clients, or {@code null} for all
     * @param bucket      only clients whose oldest overdue invoice is in this bucket, or {@code null}
     * @param onlyOverdue only clients with something overdue
     */
    public Debts debts(UUID owner, AgeBucket bucket, boolean onlyOverdue, int page, int size) {
        LocalDate asOf = today.date();
        Map<String, Object> params = scoped(asOf, owner);
        String bucketFilter = "";
        if (bucket == AgeBucket.NOT_DUE) {
            bucketFilter = " and g.max_days is null";
        } else if (bucket != null) {
            bucketFilter = " and g.max_days between :fromDays and :toDays";
            params.put("fromDays", bucket.fromDays());
            params.put("toDays", bucket.toDays());
        }
        String sql = "with o as (" + owed(asOf) + "), g as ("
                + "select c.id, c.name, c.owner_id, c.archived_at is not null as archived, " + BUCKETS + ", "
                + "max(:asOf - o.due_date) filter (where o.due_date < :asOf) as max_days, "
                + "min(o.due_date) filter (where o.due_date >= :asOf) as next_due "
                + "from o join company_ref c on c.id = o.company_id where " + VISIBLE
                + " and (cast(:owner as uuid) is null or c.owner_id = :owner) "
                + "group by c.id, c.name, c.owner_id, c.archived_at) "
                + "select g.*, " + BUCKET_TOTALS + " from g where (not :onlyOverdue or g.max_days is not null)"
                + bucketFilter + " order by g.d1_30 + g.d31_60 + g.d61_90 + g.d91 desc, "
                + "g.not_due + g.d1_30 + g.d31_60 + g.d61_90 + g.d91 desc, lower(g.name), g.id "
                + "limit :limit offset :offset";
        params.put("onlyOverdue", onlyOverdue);
        List<CompanyDebt> rows = new ArrayList<>();
        Buckets[] totals = {Buckets.ZERO};
        long[] count = {0};
        Map<UUID, String> ownerNames = new HashMap<>();
        jdbc.sql(sql).params(params).param("limit", size).param("offset", (long) page * size).query(rs -> {
            Buckets buckets = Buckets.read(rs, "");
            int maxDays = rs.getInt("max_days");
            Integer days = rs.wasNull() ? null : maxDays;
            UUID ownerId = rs.getObject("owner_id", UUID.class);
            rows.add(new CompanyDebt(rs.getObject("id", UUID.class), rs.getString("name"), ownerId,
                    ownerNames.computeIfAbsent(ownerId, this::userName), rs.getBoolean("archived"),
                    buckets.total(), buckets.overdue(), days, days == null ? AgeBucket.NOT_DUE : AgeBucket.of(days),
                    rs.getObject("next_due", LocalDate.class)));
            totals[0] = Buckets.read(rs, "t_");
            count[0] = rs.getLong("groups");
        });
        if (rows.isEmpty() && page > 0) {
            Debts first = debts(owner, bucket, onlyOverdue, 0, 1);
            return new Debts(first.totals(), PageResponse.of(List.of(), page, size,
                    first.companies().totalElements()));
        }
        return new Debts(totals[0], PageResponse.of(rows, page, size, count[0]));
    }

    /**
     * Today's ageing per manager and the {@code top} most overdue clients of those the user may
     * see, from one pass over the unpaid invoices: summed per company first (by its id, a cheap
     * key), then per manager and, for the few most overdue, named.
     */
    public ReceivablesOverview.Overview overview(int top) {
        LocalDate asOf = today.date();
        String sql = "with o as (" + owed(asOf) + "), g as ("
                + "select o.company_id, " + BUCKETS + ", "
                + "max(:asOf - o.due_date) filter (where o.due_date < :asOf) as max_days "
                // the visible clients' invoices alone are summed: a manager's, not everyone's
                + "from o where :everything "
                + "or o.company_id in (select id from company_ref where owner_id = any(:owners)) "
                + "group by o.company_id), "
                + "v as (select g.*, c.name, c.owner_id from g join company_ref c on c.id = g.company_id) "
                + "select null::uuid as company_id, null as name, owner_id, sum(not_due) as not_due, "
                + "sum(d1_30) as d1_30, sum(d31_60) as d31_60, sum(d61_90) as d61_90, sum(d91) as d91, "
                + "null::integer as max_days from v group by owner_id "
                + "union all (select company_id, name, owner_id, not_due, d1_30, d31_60, d61_90, d91, max_days "
                + "from v where max_days is not null order by d1_30 + d31_60 + d61_90 + d91 desc, "
                + "not_due + d1_30 + d31_60 + d61_90 + d91 desc, lower(name), company_id limit :top)";
        Map<UUID, String> names = new HashMap<>();
        List<ReceivablesOverview.ManagerAgeing> managers = new ArrayList<>();
        List<ReceivablesOverview.OverdueClient> clients = new ArrayList<>();
        Buckets[] total = {Buckets.ZERO};
        jdbc.sql(sql).params(scoped(asOf, null)).param("top", top).query(rs -> {
            Buckets buckets = Buckets.read(rs, "");
            UUID owner = rs.getObject("owner_id", UUID.class);
            String ownerName = names.computeIfAbsent(owner, this::userName);
            UUID company = rs.getObject("company_id", UUID.class);
            if (company == null) {
                managers.add(new ReceivablesOverview.ManagerAgeing(owner, ownerName, buckets.brief()));
                total[0] = total[0].plus(buckets);
            } else {
                clients.add(new ReceivablesOverview.OverdueClient(company, rs.getString("name"), owner, ownerName,
                        buckets.total(), buckets.overdue(), rs.getInt("max_days")));
            }
        });
        managers.sort(Comparator.comparing((ReceivablesOverview.ManagerAgeing line) -> line.buckets().overdue())
                .reversed()
                .thenComparing(Comparator.comparing(
                        (ReceivablesOverview.ManagerAgeing line) -> line.buckets().total()).reversed())
                .thenComparing(ReceivablesOverview.ManagerAgeing::name));
        // a union's parts come in no promised order
        clients.sort(Comparator.comparing(ReceivablesOverview.OverdueClient::overdue).reversed()
                .thenComparing(Comparator.comparing(ReceivablesOverview.OverdueClient::total).reversed())
                .thenComparing(client -> client.name().toLowerCase(Locale.ROOT))
                .thenComparing(ReceivablesOverview.OverdueClient::companyId));
        return new ReceivablesOverview.Overview(asOf, total[0].brief(), managers, clients);
    }

    private Map<String, Object> scoped(LocalDate asOf, UUID owner) {
        RecordScope scope = accessPolicy.currentScope();
        Map<String, Object> params = new HashMap<>();
        params.put("everything", scope.isEverything());
        params.put("owners", scope.ownerIds());
        params.put("asOf", asOf);
        params.put("owner", owner);
        return params;
    }

    private String userName(UUID id) {
        return users.find(new UserId(id)).map(UserDirectory.UserSummary::fullName).orElse(id.toString());
    }
}
