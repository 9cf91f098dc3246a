package org.clientela.reporting.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.clientela.activities.ActivityView;
import org.clientela.activities.CompanyActivities;
import org.clientela.clients.CompanyContacts;
import org.clientela.clients.CompanyDossiers;
import org.clientela.clients.CompanyId;
import org.clientela.clients.CompanyView;
import org.clientela.clients.ContactView;
import org.clientela.clients.DecisionRole;
import org.clientela.clients.Dossier;
import org.clientela.clients.VisibleCompanies;
import org.clientela.credit.CreditControl;
import org.clientela.credit.CreditTerms;
import org.clientela.identity.CurrentUser;
import org.clientela.keyaccounts.AbcXyzClasses;
import org.clientela.keyaccounts.ClassifiedCompany;
import org.clientela.keyaccounts.CompanyKeyAccount;
import org.clientela.keyaccounts.EarlyWarningView;
import org.clientela.keyaccounts.EarlyWarnings;
import org.clientela.keyaccounts.Measure;
import org.clientela.orders.ClientOrders;
import org.clientela.plans.PlanPeriod;
import org.clientela.receivables.ReceivablesOverview;
import org.clientela.reporting.internal.MeetingBrief.Debt;
import org.clientela.reporting.internal.MeetingBrief.DossierHighlights;
import org.clientela.reporting.internal.MeetingBrief.Excerpt;
import org.clientela.reporting.internal.MeetingBrief.GroupSales;
import org.clientela.reporting.internal.MeetingBrief.Person;
import org.clientela.reporting.internal.MeetingBrief.Quarter;
import org.clientela.reporting.internal.MeetingBrief.Sales;
import org.clientela.reporting.internal.MeetingBrief.Warning;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The meeting brief (A4), each part through the public API of the module that owns it, the sales
 * from the sales facts' published table {@code sales_fact}.
 * <p>
 * The parts do not depend on each other, so they are read side by side on the threads of
 * {@link DashboardReads} (which carry the user's security context: each module answers within the
 * user's access), in seven groups, each in one read-only transaction: the busiest client's brief is
 * as slow as its slowest part, not their sum, and takes at most seven connections of the pool. Each
 * part is a fixed number of statements whatever the client's history.
 */
@Service
public class MeetingBriefs {

    /** The done activities shown, the latest first. */
    static final int LAST_DONE = 5;
    /** How far ahead a person's birthday is marked. */
    static final int BIRTHDAY_DAYS = 30;
    /** A dossier text's lines shown, and at most so many characters of them. */
    static final int EXCERPT_LINES = 3;
    static final int EXCERPT_CHARS = 300;

    private final VisibleCompanies companies;
    private final CompanyDossiers dossiers;
    private final CompanyContacts contacts;
    private final ClientOrders orders;
    private final ReceivablesOverview receivables;
    private final CreditControl credit;
    private final CompanyActivities activities;
    private final EarlyWarnings warnings;
    private final CompanyKeyAccount keyAccounts;
    private final AbcXyzClasses classes;
    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final DashboardReads reads;
    private final MessageSource messages;
    private final Clock clock;

    MeetingBriefs(VisibleCompanies companies, CompanyDossiers dossiers, CompanyContacts contacts, ClientOrders orders,
            ReceivablesOverview receivables, CreditControl credit, CompanyActivities activities,
            EarlyWarnings warnings, CompanyKeyAccount keyAccounts, AbcXyzClasses classes, JdbcClient jdbc,
            PlatformTransactionManager transactions, DashboardReads reads, MessageSource messages, Clock clock) {
        this.companies = companies;
        this.dossiers = dossiers;
        this.contacts = contacts;
        this.orders = orders;
        this.receivables = receivables;
        this.credit = credit;
        this.activities = activities;
        this.warnings = warnings;
        this.keyAccounts = keyAccounts;
        this.classes = classes;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.reads = reads;
        this.messages = messages;
        this.clock = clock;
    }

    private record ClientParts(DossierHighlights dossier, List<Person> people) {
    }

    private record ActivityParts(List<ActivityView> lastDone, ActivityView nextPlanned) {
    }

    private record KeyAccountParts(List<Warning> warnings, CompanyKeyAccount.KeyAccountState keyAccount,
            CompanyKeyAccount.PlanActions planActions) {
    }

    /**
     * The brief of a company the current user may see, its texts in {@code locale}.
     *
     * @throws org.clientela.shared.RecordNotFoundException for a company the user may not see, as for none
     */
    public MeetingBrief of(UUID id, Locale locale) {
        CompanyId company = new CompanyId(id);
        // first, alone: nothing is read of a company the user may not see
        CompanyView view = companies.company(company);
        LocalDate today = LocalDate.now(clock);
        YearMonth month = YearMonth.from(today);
        boolean margins = CurrentUser.maySeeMargins();
        PlanPeriod quarter = PlanPeriod.quarterOf(month.minusMonths(3));

        var client = start(() -> new ClientParts(dossier(dossiers.of(company)), people(contacts.of(company), today)));
        var sales = start(() -> sales(company, month, margins));
        var inProgress = start(() -> orders.inProgress(company));
        var debt = start(() -> debt(company));
        var activity = start(() -> new ActivityParts(activities.lastDone(company, LAST_DONE),
                activities.nextPlanned(company).orElse(null)));
        var keyAccount = start(() -> keyAccountParts(company, today.getYear(), locale));
        // the whole department classified, as the key-account rule does: a class is the client's, not the viewer's
        var abcXyz = reads.start(() -> classes.classify(quarter.first(), quarter.last(), Measure.REVENUE).companies()
                .stream().filter(classified -> classified.companyId().equals(id)).findFirst()
                .orElse(null));

        ClientParts clientParts = client.join();
        ActivityParts activityParts = activity.join();
        KeyAccountParts keyAccountParts = keyAccount.join();
        return new MeetingBrief(today, margins, view, new Quarter(quarter.first(), quarter.last()), abcXyz.join(),
                keyAccountParts.keyAccount(), clientParts.dossier(), clientParts.people(), sales.join(),
                inProgress.join(), debt.join(), activityParts.lastDone(), activityParts.nextPlanned(),
                keyAccountParts.warnings(), keyAccountParts.planActions());
    }

    private <T> DashboardReads.Part<T> start(Supplier<T> read) {
        return reads.start(() -> readOnly.execute(status -> read.get()));
    }

    private static DossierHighlights dossier(Dossier dossier) {
        List<Excerpt> texts = new ArrayList<>();
        excerpt(texts, "needs", dossier.needs());
        excerpt(texts, "purchaseMotives", dossier.purchaseMotives());
        excerpt(texts, "developmentPlans", dossier.developmentPlans());
        excerpt(texts, "interests", dossier.interests());
        excerpt(texts, "businessHistory", dossier.businessHistory());
        excerpt(texts, "audienceSegment", dossier.audienceSegment());
        return new DossierHighlights(dossier, List.copyOf(texts));
    }

    /** The text's first lines (at most so many characters), if there is any text. */
    static void excerpt(List<Excerpt> texts, String field, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        String stripped = text.strip();
        List<String> lines = stripped.lines().filter(line -> !line.isBlank()).toList();
        String shown = String.join("\n", lines.subList(0, Math.min(EXCERPT_LINES, lines.size())));
        if (shown.length() > EXCERPT_CHARS) {
            shown = shown.substring(0, EXCERPT_CHARS).stripTrailing();
        }
        texts.add(new Excerpt(field, shown, shown.length() < String.join("\n", lines).length()));
    }

    /** The people still at the company, decision makers first, then by the part they play and by name. */
    static List<Person> people(List<ContactView> contacts, LocalDate today) {
        Comparator<ContactView> byRole = Comparator.comparing(ContactView::decisionRole,
                Comparator.nullsLast(Comparator.comparing(DecisionRole::ordinal)));
        return contacts.stream().filter(ContactView::active)
                .sorted(byRole.thenComparing(ContactView::fullName, String.CASE_INSENSITIVE_ORDER))
                .map(contact -> new Person(contact, birthdaySoon(contact.birthday(), today)))
                .toList();
    }

    /** The next birthday on or after today when it is at most {@link #BIRTHDAY_DAYS} days away (29 February: the 28th in other years). */
    static LocalDate birthdaySoon(LocalDate birthday, LocalDate today) {
        if (birthday == null) {
            return null;
        }
        MonthDay day = MonthDay.from(birthday);
        LocalDate next = day.atYear(today.getYear());
        if (next.isBefore(today)) {
            next = day.atYear(today.getYear() + 1);
        }
        return ChronoUnit.DAYS.between(today, next) <= BIRTHDAY_DAYS ? next : null;
    }

    /**
     * The last 12 whole months and the 12 before them per assortment group, in one statement over
     * the company's rows of {@code sales_fact} (its primary key leads with the company).
     */
    private Sales sales(CompanyId company, YearMonth month, boolean margins) {
        YearMonth to = month.minusMonths(1);
        YearMonth from = month.minusMonths(12);
        List<GroupSales> groups = jdbc.sql("""
                        select g.id, g.name,
                               coalesce(sum(f.revenue) filter (where f.month >= :from), 0) as revenue,
                               coalesce(sum(f.revenue) filter (where f.month < :from), 0) as revenue_before,
                               coalesce(sum(f.revenue - f.cost) filter (where f.month >= :from), 0) as margin,
                               coalesce(sum(f.revenue - f.cost) filter (where f.month < :from), 0) as margin_before
                        from sales_fact f join assortment_group g on g.id = f.group_id
                        where f.company_id = :company and f.month between :first and :to
                        group by g.id, g.name
                        order by revenue desc, revenue_before desc, g.name""")
                .param("company", company.value()).param("from", from.atDay(1))
                .param("first", from.minusYears(1).atDay(1)).param("to", to.atDay(1))
                .query((rs, row) -> new GroupSales(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getBigDecimal("revenue"), rs.getBigDecimal("revenue_before"),
                        margins ? rs.getBigDecimal("margin") : null,
                        margins ? rs.getBigDecimal("margin_before") : null))
                .list();
        GroupSales total = new GroupSales(null, null, sum(groups, GroupSales::revenue),
                sum(groups, GroupSales::revenueYearBefore), margins ? sum(groups, GroupSales::margin) : null,
                margins ? sum(groups, GroupSales::marginYearBefore) : null);
        return new Sales(from, to, groups, total);
    }

    private static BigDecimal sum(List<GroupSales> groups, Function<GroupSales, BigDecimal> figure) {
        return groups.stream().map(figure).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private Debt debt(CompanyId company) {
        ReceivablesOverview.ClientDebt debt = receivables.debtOf(company);
        CreditTerms terms = credit.termsOf(company);
        BigDecimal exposure = credit.exposure(company).amount();
        BigDecimal limit = terms.hasLimit() ? terms.limit().amount() : null;
        return new Debt(debt, limit, exposure, limit == null ? null : limit.subtract(exposure));
    }

    private KeyAccountParts keyAccountParts(CompanyId company, int year, Locale locale) {
        List<Warning> open = warnings.openOf(company).stream().map(warning -> warning(warning, locale)).toList();
        CompanyKeyAccount.KeyAccountState state = keyAccounts.keyAccount(company).orElse(null);
        CompanyKeyAccount.PlanActions actions = state == null ? null
                : keyAccounts.pendingPlanActions(company, year).orElse(null);
        return new KeyAccountParts(open, state, actions);
    }

    private Warning warning(EarlyWarningView warning, Locale locale) {
        return new Warning(warning.id(), warning.kind(), warning.detectedOn(),
                messages.getMessage(warning.kind().textKey(), warning.textArguments(), locale));
    }
}
