package org.clientela.keyaccounts.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.identity.AccessPolicy;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.RecordScope;
import org.clientela.keyaccounts.AbcXyzAnalysis;
import org.clientela.keyaccounts.AbcXyzClasses;
import org.clientela.keyaccounts.ClassifiedCompany;
import org.clientela.keyaccounts.Measure;
import org.clientela.keyaccounts.Thresholds;
import org.clientela.keyaccounts.internal.Classification.Outcome;
import org.clientela.keyaccounts.internal.Classification.Series;
import org.clientela.shared.InputErrors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ABC/XYZ analyses (K1) over the sales facts: one statement reads each client's running totals
 * ({@code sales_fact_running}, kept by the salesfacts module) at the end of the period, at its
 * start and at the start of the as long period before it, and takes the differences: the value of
 * each period and the sum of the squares of its monthly values, whatever the period's length,
 * nothing summed at the time of asking; the classes are then decided in {@link Classification}. A manager's
 * analysis is of their own clients (the shares are of their total), a head's of the team's, the
 * director's of the department's.
 */
@Service
@Transactional(readOnly = true)
@EnableConfigurationProperties(AbcXyzSettings.class)
public class AbcXyzAnalyses implements AbcXyzClasses {

    public static final int MAX_MONTHS = 36;
    public static final String FIELD_FROM = "from";
    public static final String FIELD_TO = "to";
    public static final String FIELD_MEASURE = "measure";
    static final String MONTH_FORMAT = "keyaccounts.month.format";
    static final String PERIOD_REVERSED = "keyaccounts.period.reversed";
    static final String PERIOD_TOO_LONG = "keyaccounts.period.tooLong";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM")
            .withResolverStyle(ResolverStyle.STRICT);

    private final JdbcClient jdbc;
    private final AccessPolicy accessPolicy;
    private final AbcXyzSettings settings;
    private final Clock clock;
    private final ZoneId zone;

    AbcXyzAnalyses(JdbcClient jdbc, AccessPolicy accessPolicy, AbcXyzSettings settings, Clock clock,
            @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.jdbc = jdbc;
        this.accessPolicy = accessPolicy;
        this.settings = settings;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public AbcXyzAnalysis classify(YearMonth from, YearMonth to, Measure measure) {
        InputErrors errors = new InputErrors();
        checkPeriod(errors, from, to);
        errors.throwIfAny();
        return analyse(new AbcXyzQuery(from, to, measure, settings.thresholds()), RecordScope.everything(), true);
    }

    @Override
    public AbcXyzAnalysis classifyVisible(YearMonth from, YearMonth to, Measure measure) {
        InputErrors errors = new InputErrors();
        checkPeriod(errors, from, to);
        errors.throwIfAny();
        AbcXyzQuery query = new AbcXyzQuery(from, to, measure, settings.thresholds());
        checkMeasure(query);
        return analyse(query, accessPolicy.currentScope(), false);
    }

    /**
     * The analysis of the clients the current user may see. The margin only for those who may see
     * margins (the head, the director, the administrator): 403 for everyone else.
     */
    public AbcXyzAnalysis analyseForCurrentUser(AbcXyzQuery query) {
        checkMeasure(query);
        return analyse(query, accessPolicy.currentScope(), true);
    }

    private static void checkMeasure(AbcXyzQuery query) {
        if (query.measure() == Measure.MARGIN && !marginsVisible()) {
            throw new AccessDeniedException("Margins are for the management only");
        }
    }

    public static boolean marginsVisible() {
        return CurrentUser.maySeeMargins();
    }

    /**
     * A request's period, measure and thresholds, every wrong field refused at once at its name.
     * A blank month is the default period's: the last twelve whole months.
     */
    public AbcXyzQuery query(String from, String to, String measure, String thresholdA, String thresholdB,
            String thresholdX, String thresholdY) {
        InputErrors errors = new InputErrors();
        YearMonth last = YearMonth.now(clock.withZone(zone)).minusMonths(1);
        YearMonth start = month(errors, FIELD_FROM, from, last.minusMonths(11));
        YearMonth end = month(errors, FIELD_TO, to, last);
        if (start != null && end != null) {
            checkPeriod(errors, start, end);
        }
        Measure parsedMeasure = errors.check(() -> Measure.of(FIELD_MEASURE, measure));
        Thresholds thresholds = errors.check(() -> Thresholds.parse(settings.thresholds(), thresholdA, thresholdB,
                thresholdX, thresholdY));
        errors.throwIfAny();
        return new AbcXyzQuery(start, end, parsedMeasure, thresholds);
    }

    public Thresholds defaultThresholds() {
        return settings.thresholds();
    }

    static int months(YearMonth from, YearMonth to) {
        return (int) ChronoUnit.MONTHS.between(from, to) + 1;
    }

    private static YearMonth month(InputErrors errors, String field, String text, YearMonth fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(text.strip(), MONTH);
        } catch (DateTimeParseException e) {
            errors.add(field, MONTH_FORMAT);
            return null;
        }
    }

    private static void checkPeriod(InputErrors errors, YearMonth from, YearMonth to) {
        if (to.isBefore(from)) {
            errors.add(FIELD_TO, PERIOD_REVERSED);
        } else if (months(from, to) > MAX_MONTHS) {
            errors.add(FIELD_TO, PERIOD_TOO_LONG, MAX_MONTHS);
        }
    }

    /**
     * The analysis of the clients {@code scope} covers; with {@code withPrevious}, each with its
     * class in the as long period before, which costs a third edge and a second classification.
     */
    private AbcXyzAnalysis analyse(AbcXyzQuery query, RecordScope scope, boolean withPrevious) {
        int months = query.months();
        String measure = query.measure() == Measure.MARGIN ? "margin" : "revenue";
        String visible = scope.isEverything() ? "" : " and c.owner_id = any(:owners)";
        String previousColumns = withPrevious ? """
                ,
                       coalesce(s.%1$s, 0) - coalesce(p.%1$s, 0) as previous_value,
                       coalesce(s.%1$s_squares, 0) - coalesce(p.%1$s_squares, 0) as previous_squares,
                       coalesce(s.months, 0) - coalesce(p.months, 0) as previous_facts""".formatted(measure) : "";
        String sql = """
                with period_end as (%2$s), period_start as (%3$s)%4$s
                select c.id, c.name,
                       e.%1$s - coalesce(s.%1$s, 0) as value,
                       e.%1$s_squares - coalesce(s.%1$s_squares, 0) as squares,
                       e.months - coalesce(s.months, 0) as facts%5$s
                from period_end e
                join company_ref c on c.id = e.company_id
                left join period_start s on s.company_id = e.company_id%6$s
                where e.months > coalesce(%7$s.months, 0)%8$s""".formatted(measure, edge("end"), edge("start"),
                withPrevious ? ", previous_start as (" + edge("previousStart") + ")" : "", previousColumns,
                withPrevious ? "\nleft join previous_start p on p.company_id = e.company_id" : "",
                withPrevious ? "p" : "s", visible);
        List<Series> current = new ArrayList<>();
        List<Series> previous = new ArrayList<>();
        jdbc.sql(sql).param("end", query.to().atDay(1))
                .param("start", query.from().minusMonths(1).atDay(1))
                .param("previousStart", query.from().minusMonths(months + 1L).atDay(1))
                .param("owners", scope.ownerIds())
                .query(rs -> {
                    UUID company = rs.getObject("id", UUID.class);
                    String name = rs.getString("name");
                    if (rs.getInt("facts") > 0) {
                        current.add(new Series(company, name, rs.getBigDecimal("value"), rs.getBigDecimal("squares"),
                                months));
                    }
                    if (withPrevious && rs.getInt("previous_facts") > 0) {
                        previous.add(new Series(company, name, rs.getBigDecimal("previous_value"),
                                rs.getBigDecimal("previous_squares"), months));
                    }
                });
        Outcome outcome = Classification.classify(current, query.thresholds());
        if (!withPrevious) {
            return new AbcXyzAnalysis(query.from(), query.to(), query.measure(), query.thresholds(), outcome.total(),
                    outcome.matrix(), outcome.companies());
        }
        Map<UUID, ClassifiedCompany> before = new HashMap<>();
        Classification.classify(previous, query.thresholds()).companies()
                .forEach(company -> before.put(company.companyId(), company));
        List<ClassifiedCompany> companies = outcome.companies().stream().map(company -> {
            ClassifiedCompany then = before.get(company.companyId());
            return then == null ? company : company.withPrevious(then.abc(), then.xyz());
        }).toList();
        return new AbcXyzAnalysis(query.from(), query.to(), query.measure(), query.thresholds(), outcome.total(),
                outcome.matrix(), companies);
    }

    /**
     * The companies' running totals at the end of the month {@code :parameter}: the month's row,
     * or the last row of a company that bought nothing since (salesfacts' {@code sales_fact_running}).
     * Two ranges of two indexes that hold every column asked for, not one scan with an {@code or},
     * which would read the table's pages.
     */
    private static String edge(String parameter) {
        return """
                select company_id, revenue, revenue_squares, margin, margin_squares, months
                from sales_fact_running where month = :%1$s
                union all
                select company_id, revenue, revenue_squares, margin, margin_squares, months
                from sales_fact_running where last and month < :%1$s""".formatted(parameter);
    }
}
