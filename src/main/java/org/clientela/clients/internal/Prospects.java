package org.clientela.clients.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.clients.CompanyQuery;
import org.clientela.clients.CompanySource;
import org.clientela.clients.CompanyStatus;
import org.clientela.clients.ProspectView;
import org.clientela.identity.AccessPolicy;
import org.clientela.platform.Paging;
import org.clientela.shared.PageResponse;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A manager's work list of prospects (C6): the companies in status prospect within one's scope,
 * with how far their research has come, the longest untouched first.
 */
@Service
public class Prospects {

    /** Registered, or its dossier or research last written: whichever is later. */
    private static final String LAST_CHANGE = "greatest(c.created_at, d.updated_at)";

    static final Paging PAGING = Paging.sortableBy(Map.of(
            "lastChange", LAST_CHANGE,
            "name", "lower(c.name)",
            "region", "c.region",
            "segment", "c.segment"), Sort.by("lastChange"));

    private final AccessPolicy accessPolicy;
    private final JdbcClient jdbc;

    Prospects(AccessPolicy accessPolicy, JdbcClient jdbc) {
        this.accessPolicy = accessPolicy;
        this.jdbc = jdbc;
    }

    /** One page of my prospects (a head's: the team's), filtered like the company list. */
    @Transactional(readOnly = true)
    public PageResponse<ProspectView> list(String segment, String region, CompanySource source, Pageable pageable) {
        PageRequest page = PAGING.check(pageable);
        CompanyCriteria criteria = CompanyCriteria.of(
                new CompanyQuery(null, CompanyStatus.PROSPECT, segment, region, null, null, source),
                accessPolicy.currentScope());
        long counted = jdbc.sql("select count(*) from (select 1 from company c where " + criteria.sql()
                        + " limit :countCap) counted")
                .params(criteria.params()).param("countCap", CompanyService.COUNT_CAP + 1)
                .query(Long.class).single();
        List<ProspectView> content = jdbc.sql("""
                        select c.id, c.name, c.inn, c.segment, c.region, c.source, c.owner_id, c.version,
                            u.full_name as owner_name, %s as last_changed_at,
                            d.needs is not null as has_needs, d.purchase_motives is not null as has_motives,
                            d.audience_segment is not null as has_audience, d.research_note is not null as has_note
                        from company c
                            join app_user u on u.id = c.owner_id
                            left join company_dossier d on d.company_id = c.id
                        where %s
                        order by %s
                        limit :limit offset :offset
                        """.formatted(LAST_CHANGE, criteria.sql(), PAGING.orderBy(page, "c.id")))
                .params(criteria.params())
                .param("limit", page.getPageSize())
                .param("offset", page.getOffset())
                .query((rs, row) -> {
                    String stored = rs.getString("source");
                    return new ProspectView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("inn"),
                            rs.getString("segment"), rs.getString("region"),
                            stored == null ? null : CompanySource.valueOf(stored),
                            rs.getObject("owner_id", UUID.class), rs.getString("owner_name"),
                            rs.getBoolean("has_needs"), rs.getBoolean("has_motives"), rs.getBoolean("has_audience"),
                            rs.getBoolean("has_note"), rs.getTimestamp("last_changed_at").toInstant(),
                            rs.getLong("version"));
                })
                .list();
        return PageResponse.ofCappedCount(content, page.getPageNumber(), page.getPageSize(), counted,
                CompanyService.COUNT_CAP);
    }
}
