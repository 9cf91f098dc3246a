package org.clientela.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.clientela.IntegrationTest;
import org.clientela.shared.Inn;
import org.clientela.shared.Ogrn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo client base: 300 companies with valid numbers, spread over the managers. */
@IntegrationTest
class ClientsDemoDataTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void hasThreeHundredCompaniesWithValidNumbersOverEveryManager() {
        List<Map<String, Object>> rows = jdbc.sql("""
                        select c.inn, c.kpp, c.ogrn, c.legal_form, c.status, c.lost_reason, u.username
                        from company c join app_user u on u.id = c.owner_id
                        -- the demo companies were registered together, before any test ran
                        where c.created_at = (select min(created_at) from company)
                        """).query().listOfRows();

        assertThat(rows).hasSize(300);
        assertThat(rows).allSatisfy(row -> {
            String inn = (String) row.get("inn");
            assertThat(Inn.isValid(inn)).as(inn).isTrue();
            assertThat(Ogrn.isValid((String) row.get("ogrn"))).as((String) row.get("ogrn")).isTrue();
            boolean soleTrader = "IP".equals(row.get("legal_form"));
            assertThat(inn).hasSize(soleTrader ? 12 : 10);
            assertThat(row.get("kpp") == null).isEqualTo(soleTrader);
            assertThat(row.get("status").equals("LOST")).isEqualTo(row.get("lost_reason") != null);
        });
        assertThat(rows).extracting(row -> row.get("username")).containsOnly("manager1", "manager2", "manager3", "kam");
        assertThat(rows).extracting(row -> row.get("status")).contains("ACTIVE", "PROSPECT", "DORMANT", "LOST");
    }

    @Test
    void everyDemoCompanyHasPeopleWithSearchablePhonesAndSomeHaveADossier() {
        long withoutPeople = jdbc.sql("""
                        select count(*) from company c
                        where c.created_at = (select min(created_at) from company)
                          and not exists (select 1 from contact k where k.company_id = c.id)
                        """).query(Long.class).single();
        assertThat(withoutPeople).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from contact k join company c on c.id = k.company_id
                        where c.created_at = (select min(created_at) from company)
                          and (cardinality(k.phone_digits) = 0 or k.phone_digits[1] !~ '^7[0-9]{10}$')
                        """).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from company_dossier where updated_by = 'system'").query(Long.class)
                .single()).isBetween(50L, 150L);
    }
}
