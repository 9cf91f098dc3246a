package org.clientela.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The catalogue's pages and the prices section of the company page, as a browser gets them. */
@IntegrationTest
class CatalogWebIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theCatalogueShowsTheCostPriceOnlyToTheManagement() {
        HttpResponse<String> manager = WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD)
                .get("/catalog?q=SP1-4-16-4");
        HttpResponse<String> head = WebSession.loggedIn(port, "head", ApiClient.DEMO_PASSWORD)
                .get("/catalog?q=SP1-4-16-4");

        assertThat(manager.statusCode()).isEqualTo(200);
        assertThat(manager.body()).contains("Стеклопакет 4-16-4", "2\u00a0150,00\u00a0₽").doesNotContain("Себестоимость",
                "1\u00a0480,00");
        assertThat(head.body()).contains("Себестоимость", "1\u00a0480,00\u00a0₽");
    }

    @Test
    void aProductPageShowsItsPriceHistory() {
        UUID product = jdbc.sql("select id from product where sku = 'SP2-4-10-4-10-4'").query(UUID.class).single();

        HttpResponse<String> page = WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD)
                .get("/catalog/products/" + product);

        // this year's 2 890,00 and last year's 2 890,00 × 0,92 = 2 658,80 → 2 660,00
        assertThat(page.body()).contains("4-10-4-10-4", "2\u00a0890,00\u00a0₽", "2\u00a0660,00\u00a0₽");
        assertThat(WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD).get("/catalog/price-lists").body())
                .contains("Базовый прайс-лист", "Дилер", "Крупный опт");
    }

    @Test
    void theCompanyPageCalculatesAPriceAndSaysWhy() {
        UUID company = companyOf("kam");
        jdbc.sql("""
                        insert into company_price_type (company_id, price_type_id)
                        select :company, id from price_type where name = 'Дилер'
                        on conflict (company_id) do update set price_type_id = excluded.price_type_id""")
                .param("company", company).update();
        UUID product = jdbc.sql("select id from product where sku = 'SP1-4-16-4'").query(UUID.class).single();
        WebSession kam = WebSession.loggedIn(port, "kam", ApiClient.DEMO_PASSWORD);

        assertThat(kam.get("/companies/" + company).body()).contains("/companies/" + company + "/prices");
        assertThat(kam.get("/companies/" + company + "/prices").body()).contains("Дилер", "price-calculator");
        String why = kam.get("/companies/" + company + "/prices/calculate?productId=" + product
                + "&quantity=3&width=1,2&height=0.8").body();

        // 2 150,00 × 0,90 = 1 935,00 ₽/m²; 1,2 × 0,8 = 0,96 m²; 1 935,00 × 0,96 × 3 = 5 572,80 ₽
        assertThat(why).contains("2\u00a0150,00\u00a0₽", "Дилер: −10\u00a0%".replace("\u00a0%", " %"),
                "1\u00a0935,00\u00a0₽", "0,96 м²", "5\u00a0572,80\u00a0₽").doesNotContain("Маржа");
        assertThat(kam.get("/companies/" + company + "/prices/calculate?productId=" + product + "&quantity=1")
                .body()).contains("Укажите ширину и высоту");
    }

    @Test
    void aCompanyOfAnotherTeamHasNoPricesSection() {
        UUID foreign = companyOf("manager3");
        UUID product = jdbc.sql("select id from product where sku = 'SP1-4-16-4'").query(UUID.class).single();
        WebSession manager = WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD);

        assertThat(manager.get("/companies/" + foreign + "/prices").statusCode()).isEqualTo(404);
        assertThat(manager.get("/companies/" + foreign + "/prices/calculate?productId=" + product).statusCode())
                .isEqualTo(404);
    }

    private UUID companyOf(String username) {
        return jdbc.sql("""
                        select c.id from company c join app_user u on u.id = c.owner_id
                        where u.username = :username and c.archived_at is null
                          -- a demo key account's service tier would take its own discount off the price
                          and not exists (select 1 from key_account k where k.company_id = c.id and k.is_key)
                        order by c.inn desc limit 1""")
                .param("username", username).query(UUID.class).single();
    }
}
