package org.clientela.keyaccounts.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.clientela.activities.CadenceStanding;
import org.clientela.keyaccounts.AbcXyzClasses;
import org.clientela.keyaccounts.ClassifiedCompany;
import org.clientela.keyaccounts.Measure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The standings the contact cadences' defaults follow: a key account (flagged now) is KEY whatever
 * its class; any other company its ABC class by revenue over the last 12 whole months before the
 * day, the whole department classified; a company without sales then has none.
 */
@Component
class CadenceStandings implements CadenceStanding {

    static final int MONTHS = 12;

    private final JdbcClient jdbc;
    private final AbcXyzClasses classes;

    CadenceStandings(JdbcClient jdbc, AbcXyzClasses classes) {
        this.jdbc = jdbc;
        this.classes = classes;
    }

    @Override
    public Map<UUID, Standing> standings(Collection<UUID> companies, LocalDate day) {
        YearMonth to = YearMonth.from(day).minusMonths(1);
        Map<UUID, Standing> found = new HashMap<>();
        for (ClassifiedCompany company : classes.classify(to.minusMonths(MONTHS - 1L), to, Measure.REVENUE)
                .companies()) {
            found.put(company.companyId(), Standing.valueOf(company.abc().name()));
        }
        jdbc.sql("select company_id from key_account where is_key").query(UUID.class).list()
                .forEach(company -> found.put(company, Standing.KEY));
        if (companies != null) {
            found.keySet().retainAll(Set.copyOf(companies));
        }
        return found;
    }
}
