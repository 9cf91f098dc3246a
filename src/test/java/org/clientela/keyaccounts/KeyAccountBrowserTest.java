package org.clientela.keyaccounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.HeadlessChromium;
import org.clientela.IntegrationTest;
import org.clientela.clients.CompanyNumbers;
import org.clientela.orders.OrderWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The key-account screens in a real browser (Debian's headless Chromium): the head marks a client
 * of their own as a key account, finds it in the list, gives it a service tier and sees the tier's
 * discount in the client's price: base 1 000,00, no price type, tier −4 %: 960,00 a piece, 2 pieces
 * 1 920,00.
 */
@IntegrationTest
class KeyAccountBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private HeadlessChromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        chromium = HeadlessChromium.open(port);
        browser = chromium.driver();
        wait = chromium.waiting();
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private String page(String path) {
        return "http://localhost:" + port + path;
    }

    private String text(By locator) {
        return chromium.text(locator).replace('\u00A0', ' ');
    }

    private String id(String sql, String name) {
        return jdbc.sql(sql).param("name", name).query(UUID.class).single().toString();
    }

    @Test
    void theHeadMarksAClientAsAKeyAccountFindsItInTheListAndSeesTheTiersDiscountInThePrice() {
        ApiClient api = new ApiClient(port);
        // first in the list's order by name, so that it is on its first page whatever other tests add
        String name = ApiClient.unique("ААА Ключевой в браузере");
        String company = api.as("head").post("/api/v1/companies", Map.of("name", name, "legalForm", "OOO",
                "inn", CompanyNumbers.organisationInn(), "kpp", "773601001", "status", "ACTIVE")).isJson(201).id();
        String product = new OrderWorld(api).piece(OrderWorld.SERVICES, "1000.00", "500.00");
        String kam = id("select id from app_user where username = :name", "kam");
        String tierName = ApiClient.unique("Золотой");

        chromium.logIn("head", ApiClient.DEMO_PASSWORD);

        // a service tier on its page
        browser.get(page("/service-tiers"));
        chromium.type(By.id("tier-new-name"), tierName);
        chromium.type(By.id("tier-new-discount"), "4");
        chromium.type(By.id("tier-new-days"), "3");
        chromium.type(By.id("tier-new-terms"), "Отгрузка в течение трёх дней");
        chromium.click(By.cssSelector("#tier-new button[type=submit]"));
        assertThat(text(By.id("tier-saved"))).isEqualTo("Уровень «" + tierName + "» сохранён");
        String tier = id("select id from service_tier where name = :name", tierName);
        By tierRow = By.cssSelector(".tier-row[data-id='" + tier + "']");
        assertThat(text(By.cssSelector(".tier-row[data-id='" + tier + "'] .tier-discount"))).isEqualTo("4 %");
        assertThat(browser.findElement(tierRow).getText()).contains(tierName);

        // the company page's section: key by the head's decision, with the reason and the KAM
        browser.get(page("/companies/" + company));
        chromium.click(By.id("key-account-key-yes"));
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key-account-kam-input"))))
                .selectByValue(kam);
        chromium.type(By.id("key-account-reason-input"), "Объекты по всей области, договор на три года");
        chromium.click(By.id("key-account-submit"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key-account-saved")));
        assertThat(text(By.id("key-account-flag"))).isNotBlank();
        assertThat(text(By.id("key-account-basis"))).startsWith("По решению");
        assertThat(text(By.id("key-account-reason"))).isEqualTo("Объекты по всей области, договор на три года");
        assertThat(text(By.id("key-account-kam"))).isEqualTo("Лебедева Мария Владимировна");

        // the list of key accounts, the head's decisions of this KAM
        // the analyses sit in one menu of the navigation bar
        chromium.click(By.linkText("Аналитика"));
        chromium.click(By.linkText("Ключевые клиенты"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key-account-list")));
        // the filters as a link to them opens them (each change of a filter swaps the list in by htmx)
        browser.get(page("/key-accounts?kam=" + kam + "&basis=DECISION"));
        assertThat(new Select(browser.findElement(By.id("filter-kam"))).getFirstSelectedOption().getText())
                .isEqualTo("Лебедева Мария Владимировна");
        By row = By.cssSelector(".key-account-row[data-id='" + company + "']");
        WebElement listed = wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(listed.getText()).contains(name);
        assertThat(listed.findElement(By.className("key-account-basis")).getText()).isEqualTo("По решению");
        assertThat(listed.findElement(By.className("key-account-kam")).getText()).isEqualTo("Лебедева Мария Владимировна");
        assertThat(listed.findElement(By.className("key-account-tier")).getText()).isEqualTo("—");

        // the tier, from the list back to the company's section
        chromium.click(By.cssSelector(".key-account-row[data-id='" + company + "'] a"));
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key-account-tier-input"))))
                .selectByValue(tier);
        chromium.click(By.id("key-account-submit"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key-account-tier-terms")));
        assertThat(text(By.id("key-account-tier"))).startsWith(tierName);
        assertThat(text(By.id("key-account-tier-terms"))).isEqualTo("Скидка 4 %, срок изготовления 3 дн.");

        // the client's price on the same page: the tier comes off the price
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("calc-product"))))
                .selectByValue(product);
        chromium.type(By.id("calc-quantity"), "2");
        chromium.click(By.id("calculate"));
        assertThat(text(By.id("why-client-discount"))).isEqualTo(tierName + ": −4 % от цены по типу цен");
        assertThat(text(By.id("why-type-price"))).isEqualTo("1 000,00 ₽");
        assertThat(text(By.id("why-unit-price"))).isEqualTo("960,00 ₽");
        assertThat(text(By.id("why-line-amount"))).isEqualTo("1 920,00 ₽");
    }
}
