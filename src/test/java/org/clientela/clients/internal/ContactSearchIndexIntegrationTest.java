package org.clientela.clients.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.clientela.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The conditions on contacts of the company search, as {@link CompanyService} writes them, never
 * scan the contacts: per company the planner probes the company's contacts by index, or it
 * looks the matching contacts up once by the index of the condition (a hashed subplan), as the
 * numbers decide. The test tables are small, so sequential scans are switched off: the question
 * is whether the planner could use an index, not whether it would today.
 */
@IntegrationTest
class ContactSearchIndexIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "lower(k.full_name) like '%иван%'                        | contact_full_name_trgm_idx",
            "k.phone_digits @> array[cast('74951234567' as text)]    | contact_phone_digits_idx",
            "k.emails @> array[cast('ivanov@example.ru' as text)]     | contact_emails_idx",
    })
    void aSearchConditionOnContactsIsAnsweredByIndexes(String condition, String index) {
        String search = plan("select c.id from company c where c.archived_at is null and c.id in ("
                + "select n.id from company n where lower(n.name) like '%иван%'"
                + " union select k.company_id from contact k where k.active and " + condition + ")");
        String lookup = plan("select k.company_id from contact k where k.active and " + condition);

        assertThat(search).contains("contact_").doesNotContain("Seq Scan on contact");
        assertThat(lookup).contains(index);
    }

    private String plan(String query) {
        return transaction.execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("explain " + query).query(String.class).list());
        });
    }
}
