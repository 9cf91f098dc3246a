package org.clientela.credit.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.credit.ExposureSource;
import org.clientela.identity.AccessPolicy;
import org.clientela.identity.RecordScope;
import org.clientela.platform.Paging;
import org.clientela.shared.PageResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credit list: the companies one may see with their limit, exposure and utilisation, filtered
 * and sorted by them, a page at a time, each row with its score.
 * <p>
 * Filtering and sorting by exposure need every company's exposure before the page is cut, so it
 * is computed in SQL: each {@link ExposureSource} offers its part for all companies as a query
 * ({@link ExposureSource#exposureByCompanyQuery()}), and one statement adds them up, joins the
 * limits and cuts the page. Asking each source company by company would be a query per company
 * and source, for the whole client base on every page. The scores and the overdue flag, which
 * neither filter nor sort, are then read for the page's rows only, in one question to the
 * payment history.
 */
@Service
public class CreditList {

    /** Which companies the list shows. */
    public enum Filter {
        ALL,
        /** Those whose exposure exceeds their limit. */
        OVER_LIMIT,
        /** Those that used at least 90 % of their limit, those over it among them. */
        NEAR_LIMIT,
        /** Those without a limit: they buy on prepayment. */
        NO_LIMIT
    }

    // companies without a limit sort below every limit and every utilisation, in either direction as one block
    public static final Paging PAGING = Paging.sortableBy(Map.of(
            "name", "lower(c.name)",
            "limit", "coalesce(a.credit_limit, -1)",
            "exposure", "coalesce(x.exposure, 0)",
            "utilisation", "case when a.credit_limit > 0 then coalesce(x.exposure, 0) / a.credit_limit "
                    + "when a.credit_limit = 0 and coalesce(x.exposure, 0) > 0 then 'Infinity'::numeric else -1 end",
            "overLimit", "coalesce(x.exposure, 0) - coalesce(a.credit_limit, 0)"), Sort.by("name"));

    private final JdbcClient jdbc;
    private final AccessPolicy accessPolicy;
    private final ObjectProvider<ExposureSource> exposureSources;
    private final CreditScores scores;

    CreditList(JdbcClient jdbc, AccessPolicy accessPolicy, ObjectProvider<ExposureSource> exposureSources,
            CreditScores scores) {
        this.jdbc = jdbc;
        this.accessPolicy = accessPolicy;
        this.exposureSources = exposureSources;
        this.scores = scores;
    }

    /**
     * One row of the list. Amounts in roubles.
     *
     * @param limit {@code null}: no limit
     * @param score {@code null} until the page's scores are read
     */
    public record Row(UUID companyId, String name, UUID ownerId, BigDecimal limit, Integer paymentTermsDays,
            BigDecimal exposure, CreditScore score) {

        public boolean hasLimit() {
            return limit != null;
        }

        public Utilisation utilisation() {
            return new Utilisation(limit, exposure);
        }

        /** Whether the company has an invoice overdue today, as its payment history says. */
        public boolean overdue() {
            return score != null && score.facts().overdueCount() > 0;
        }

        Row withScore(CreditScore score) {
            return new Row(companyId, name, ownerId, limit, paymentTermsDays, exposure, score);
        }
    }

    /** A page of the companies the current user may see, each with its score. */
    @Transactional(readOnly = true)
    public PageResponse<Row> list(Filter filter, Pageable pageable) {
        PageRequest page = PAGING.check(pageable);
        RecordScope scope = accessPolicy.currentScope();
        String from = fromClause(filter == null ? Filter.ALL : filter);
        long total = jdbc.sql(from.replace("/*select*/", "select count(*)")).param("everything", scope.isEverything())
                .param("owners", scope.ownerIds()).query(Long.class).single();
        List<Row> rows = jdbc.sql(from.replace("/*select*/", """
                        select c.id, c.name, c.owner_id, a.credit_limit, a.payment_terms_days,
                               coalesce(x.exposure, 0) as exposure""")
                        + " order by " + PAGING.orderBy(page, "c.id") + " limit :limit offset :offset")
                .param("everything", scope.isEverything()).param("owners", scope.ownerIds())
                .param("limit", page.getPageSize()).param("offset", page.getOffset())
                .query(CreditList::row).list();
        Map<CompanyId, CreditScore> scored = scores.scores(rows.stream().map(row -> new CompanyId(row.companyId()))
                .toList());
        return PageResponse.of(rows.stream().map(row -> row.withScore(scored.get(new CompanyId(row.companyId()))))
                .toList(), page.getPageNumber(), page.getPageSize(), total);
    }

    private String fromClause(Filter filter) {
        String condition = switch (filter) {
            case ALL -> "";
            case OVER_LIMIT -> " and coalesce(x.exposure, 0) > a.credit_limit";
            // as Utilisation.near() says it: over the limit, or at least 90 % of it rounded to one decimal
            case NEAR_LIMIT -> " and (coalesce(x.exposure, 0) > a.credit_limit or (a.credit_limit > 0"
                    + " and round(100 * coalesce(x.exposure, 0) / a.credit_limit, 1) >= " + Utilisation.NEAR_PERCENT + "))";
            case NO_LIMIT -> " and a.company_id is null";
        };
        return """
                with exposure as (
                    select company_id, sum(exposure) as exposure from (%s) part group by company_id)
                /*select*/
                from company_ref c
                left join credit_account a on a.company_id = c.id
                left join exposure x on x.company_id = c.id
                where c.archived_at is null and (:everything or c.owner_id = any(:owners))""".formatted(
                CreditStanding.exposureParts(exposureSources.orderedStream().toList()))
                + condition;
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("owner_id", UUID.class),
                rs.getBigDecimal("credit_limit"), (Integer) rs.getObject("payment_terms_days"),
                rs.getBigDecimal("exposure").setScale(2), null);
    }
}
