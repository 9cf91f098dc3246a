package org.clientela.keyaccounts.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
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
 * ABC/XYZ analyses (K1) over the sales facts: one statement reads the company × month rollup of
 * the facts ({@code sales_fact_month}, the assortment groups added up by the salesfacts module) for
 * the period and the as long period before it, one range of its primary key, nothing summed at
 * the time of asking; the classes are then decided in {@link Classification}. A manager's
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
        return analyse(new AbcXyzQuery(from, to, measure, settings.thresholds()), RecordScope.everything());
    }

    @Override
    public AbcXyzAnalysis classifyVisible(YearMonth from, YearMonth to, Measure measure) {
        InputErrors errors = new InputErrors();
        checkPeriod(errors, from, to);
        errors.throwIfAny();
        return analyseForCurrentUser(new AbcXyzQuery(from, to, measure, settings.thresholds()));
    }

    /**
     * The analysis of the clients the current user may see. The margin only for those who may see
     * margins (the head, the director, the administrator): 403 for everyone else.
     */
    public AbcXyzAnalysis analyseForCurrentUser(AbcXyzQuery query) {
        if (query.measure() == Measure.MARGIN && !marginsVisible()) {
            throw new AccessDeniedException("Margins are for the management only");
        }
        return analyse(query, accessPolicy.currentScope());
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

    private AbcXyzAnalysis analyse(AbcXyzQuery query, RecordScope scope) {
        int months = query.months();
        YearMonth first = query.from().minusMonths(months);
        Map<UUID, String> names = new HashMap<>();
        Map<UUID, BigDecimal[]> previous = new HashMap<>();
        Map<UUID, BigDecimal[]> current = new HashMap<>();
        String value = query.measure() == Measure.MARGIN ? "f.revenue - f.cost" : "f.revenue";
        String visible = scope.isEverything() ? ""
                : " and f.company_id in (select id from company_ref where owner_id = any(:owners))";
        // date_part, not extract: extract answers numeric, and its arithmetic for each of 240 000 rows
        // took as long as reading them
        String sql = """
                select f.company_id, c.name, (date_part('year', f.month) * 12 + date_part('month', f.month))::int as n,
                       %s as value
                from sales_fact_month f join company_ref c on c.id = f.company_id
                where f.month between :first and :last%s""".formatted(value, visible);
        int firstNumber = number(first);
        jdbc.sql(sql).param("first", first.atDay(1)).param("last", query.to().atDay(1))
                .param("owners", scope.ownerIds())
                .query(rs -> {
                    UUID company = rs.getObject("company_id", UUID.class);
                    int index = rs.getInt("n") - firstNumber;
                    Map<UUID, BigDecimal[]> period = index < months ? previous : current;
                    BigDecimal[] values = period.computeIfAbsent(company, id -> zeros(months));
                    values[index % months] = rs.getBigDecimal("value");
                    names.putIfAbsent(company, rs.getString("name"));
                });
        Outcome outcome = Classification.classify(series(current, names), query.thresholds());
        Map<UUID, ClassifiedCompany> before = new HashMap<>();
        Classification.classify(series(previous, names), query.thresholds()).companies()
                .forEach(company -> before.put(company.companyId(), company));
        List<ClassifiedCompany> companies = outcome.companies().stream().map(company -> {
            ClassifiedCompany then = before.get(company.companyId());
            return then == null ? company : company.withPrevious(then.abc(), then.xyz());
        }).toList();
        return new AbcXyzAnalysis(query.from(), query.to(), query.measure(), query.thresholds(), outcome.total(),
                outcome.matrix(), companies);
    }

    private static List<Series> series(Map<UUID, BigDecimal[]> months, Map<UUID, String> names) {
        List<Series> series = new ArrayList<>(months.size());
        months.forEach((company, values) -> series.add(new Series(company, names.get(company), Arrays.asList(values))));
        return series;
    }

    private static int number(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue();
    }

    private static BigDecimal[] zeros(int months) {
        BigDecimal[] zeros = new BigDecimal[months];
        Arrays.fill(zeros, BigDecimal.ZERO.setScale(2));
        return zeros;
    }
}
