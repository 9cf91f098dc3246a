package org.clientela.plans.internal;

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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.clientela.identity.AccessPolicy;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.RecordScope;
import org.clientela.shared.InputErrors;
import org.clientela.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The segment outlook (T3): per segment of the clients the user may see, the monthly series of the
 * period from the sales facts' monthly rollup ({@code sales_fact_month}), the forecast of the next
 * months with its backtested error ({@link TrendForecast}), and the top movers: the clients with the
 * biggest rise and fall against the period of as many months just before. Two statements: the
 * series summed per segment and month, and each client's sum in both periods.
 */
@Service
@Transactional(readOnly = true)
public class SegmentOutlooks {

    public static final int MAX_MONTHS = 36;
    public static final int MOVERS = 5;
    public static final String FIELD_FROM = "from";
    public static final String FIELD_TO = "to";
    public static final String FIELD_MEASURE = "measure";
    static final String MONTH_FORMAT = "plans.segments.error.month";
    static final String REVERSED = "plans.segments.error.reversed";
    static final String TOO_LONG = "plans.segments.error.tooLong";
    static final String UNKNOWN_MEASURE = "plans.segments.error.measure";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM")
            .withResolverStyle(ResolverStyle.STRICT);

    /** What the outlook adds up: the revenue without VAT, or the margin (revenue − cost). */
    public enum Figure {
        REVENUE, MARGIN;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Query(YearMonth from, YearMonth to, Figure measure) {

        public int months() {
            return (int) ChronoUnit.MONTHS.between(from, to) + 1;
        }
    }

    /**
     * @param segment  as the clients' cards have it; {@code null} for the clients without one
     * @param months   the value of each month of the period, in order
     * @param forecast the months after the period with their forecast values
     */
    public record Segment(String segment, int companies, BigDecimal total, List<MonthValue> months,
            List<MonthValue> forecast, BigDecimal mae, BigDecimal mape, List<Mover> rises, List<Mover> falls) {
    }

    public record MonthValue(YearMonth month, BigDecimal value) {
    }

    /** A client's value in the period and in the as long period before it. */
    public record Mover(UUID companyId, String name, BigDecimal previous, BigDecimal current) {

        public BigDecimal change() {
            return current.subtract(previous);
        }
    }

    public record Outlook(Query query, YearMonth previousFrom, YearMonth previousTo, List<Segment> segments) {
    }

    private final JdbcClient jdbc;
    private final AccessPolicy accessPolicy;
    private final Clock clock;
    private final ZoneId zone;

    SegmentOutlooks(JdbcClient jdbc, AccessPolicy accessPolicy, Clock clock,
            @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.jdbc = jdbc;
        this.accessPolicy = accessPolicy;
        this.clock = clock;
        this.zone = zone;
    }

    public static boolean marginsVisible() {
        return CurrentUser.maySeeMargins();
    }

    /**
     * A request's period and measure, every wrong field refused at once at its name. A blank month
     * is the default period's: the last twelve whole months.
     */
    public Query query(String from, String to, String measure) {
        InputErrors errors = new InputErrors();
        YearMonth last = YearMonth.now(clock.withZone(zone)).minusMonths(1);
        YearMonth start = month(errors, FIELD_FROM, from, last.minusMonths(11));
        YearMonth end = month(errors, FIELD_TO, to, last);
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                errors.add(FIELD_TO, REVERSED);
            } else if (ChronoUnit.MONTHS.between(start, end) + 1 > MAX_MONTHS) {
                errors.add(FIELD_TO, TOO_LONG, MAX_MONTHS);
            }
        }
        Figure figure = errors.check(() -> figure(measure));
        errors.throwIfAny();
        return new Query(start, end, figure);
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

    private static Figure figure(String text) {
        if (text == null || text.isBlank()) {
            return Figure.REVENUE;
        }
        try {
            return Figure.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(FIELD_MEASURE, UNKNOWN_MEASURE, text.strip());
        }
    }

    /** The outlook of the clients the current user may see; the margin only for who may see margins (403). */
    @PreAuthorize(SalesPlans.READERS)
    public Outlook outlook(Query query) {
        if (query.measure() == Figure.MARGIN && !marginsVisible()) {
            throw new AccessDeniedException("Margins are for the management only");
        }
        RecordScope scope = accessPolicy.currentScope();
        int months = query.months();
        YearMonth previousFrom = query.from().minusMonths(months);
        String value = query.measure() == Figure.MARGIN ? "f.revenue - f.cost" : "f.revenue";
        String visible = "(:everything or c.owner_id = any(:owners))";

        Map<String, BigDecimal[]> series = new LinkedHashMap<>();
        jdbc.sql("""
                        select c.segment, (date_part('year', f.month) * 12 + date_part('month', f.month))::int as n,
                               sum(%s) as value
                        from sales_fact_month f join company_ref c on c.id = f.company_id
                        where f.month between :from and :to and %s
                        group by c.segment, n""".formatted(value, visible))
                .param("from", query.from().atDay(1)).param("to", query.to().atDay(1))
                .param("everything", scope.isEverything()).param("owners", scope.ownerIds())
                .query(rs -> {
                    BigDecimal[] values = series.computeIfAbsent(key(rs.getString("segment")), segment -> zeros(months));
                    values[rs.getInt("n") - number(query.from())] = rs.getBigDecimal("value");
                });

        Map<String, List<Mover>> companies = new HashMap<>();
        jdbc.sql("""
                        select c.segment, f.company_id, c.name,
                               coalesce(sum(%1$s) filter (where f.month < :from), 0) as previous,
                               coalesce(sum(%1$s) filter (where f.month >= :from), 0) as current
                        from sales_fact_month f join company_ref c on c.id = f.company_id
                        where f.month between :previousFrom and :to and %2$s
                        group by c.segment, f.company_id, c.name""".formatted(value, visible))
                .param("from", query.from().atDay(1)).param("to", query.to().atDay(1))
                .param("previousFrom", previousFrom.atDay(1))
                .param("everything", scope.isEverything()).param("owners", scope.ownerIds())
                .query(rs -> {
                    companies.computeIfAbsent(key(rs.getString("segment")), segment -> new ArrayList<>())
                            .add(new Mover(rs.getObject("company_id", UUID.class), rs.getString("name"),
                                    rs.getBigDecimal("previous"), rs.getBigDecimal("current")));
                });

        // a segment whose clients bought only in the period before still shows, with its fall
        companies.keySet().forEach(key -> series.computeIfAbsent(key, segment -> zeros(months)));
        List<Segment> segments = new ArrayList<>();
        series.forEach((key, values) -> segments.add(segment(key, query, values,
                companies.getOrDefault(key, List.of()))));
        segments.sort(Comparator.comparing(Segment::total).reversed()
                .thenComparing(Segment::segment, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Outlook(query, previousFrom, query.from().minusMonths(1), segments);
    }

    /** The segment as the key of a map: the clients without one under the empty text. */
    private static String key(String segment) {
        return segment == null || segment.isBlank() ? "" : segment.strip();
    }

    private static Segment segment(String key, Query query, BigDecimal[] values, List<Mover> companies) {
        List<MonthValue> months = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            months.add(new MonthValue(query.from().plusMonths(i), values[i]));
        }
        TrendForecast.Outcome outcome = TrendForecast.of(Arrays.asList(values));
        List<MonthValue> forecast = new ArrayList<>();
        for (int i = 0; i < outcome.forecast().size(); i++) {
            forecast.add(new MonthValue(query.to().plusMonths(i + 1L), outcome.forecast().get(i)));
        }
        BigDecimal total = Arrays.stream(values).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        int buying = (int) companies.stream().filter(company -> company.current().signum() != 0).count();
        List<Mover> rises = movers(companies, 1);
        List<Mover> falls = movers(companies, -1);
        return new Segment(key.isEmpty() ? null : key, buying, total, months, forecast, outcome.mae(),
                outcome.mape(), rises, falls);
    }

    /**
     * The {@link #MOVERS} clients whose change has the sign given, the biggest first; equal ones by
     * name, then id.
     */
    static List<Mover> movers(List<Mover> companies, int sign) {
        Comparator<Mover> bySize = Comparator.comparing((Mover mover) -> mover.change().abs()).reversed();
        return companies.stream().filter(mover -> mover.change().signum() == sign)
                .sorted(bySize.thenComparing(Mover::name, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Mover::companyId))
                .limit(MOVERS).toList();
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
