package org.clientela.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.HeadlessChromium;
import org.clientela.IntegrationTest;
import org.clientela.receivables.ReceivablesWorld.Manager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The manager's debt list in a real browser (Debian's headless Chromium), as a manager uses it. */
@IntegrationTest
class DebtListBrowserTest {

    @LocalServerPort
    int port;

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

    @Test
    void aManagerSeesTheOverdueClientFiltersAndOpensItsAccount() {
        ReceivablesWorld world = new ReceivablesWorld(new ApiClient(port));
        LocalDate today = ReceivablesWorld.today();
        Manager manager = world.newManager();
        UUID late = world.companyOf(manager, "Должник");
        UUID recent = world.companyOf(manager, "Недавний");
        // 4 000 due 75 days ago and 1 000 not yet due; 250 due 3 days ago
        world.invoice(late, today.minusDays(90), today.minusDays(75), "4000.00");
        world.invoice(late, today.minusDays(2), today.plusDays(12), "1000.00");
        world.invoice(recent, today.minusDays(10), today.minusDays(3), "250.00");

        chromium.logIn(manager.username(), ReceivablesWorld.PASSWORD);
        chromium.click(By.linkText("Дебиторка"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("debts")));

        List<WebElement> rows = browser.findElements(By.cssSelector("#debts .debt-row"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getAttribute("data-id")).isEqualTo(late.toString());
        assertThat(rows.get(0).findElement(By.className("debt-total")).getText()).isEqualTo("5 000,00 ₽");
        assertThat(rows.get(0).findElement(By.className("debt-overdue")).getText()).isEqualTo("4 000,00 ₽");
        assertThat(rows.get(0).findElement(By.className("debt-days")).getText()).isEqualTo("75");
        assertThat(rows.get(0).findElement(By.className("debt-bucket")).getText()).isEqualTo("61–90 дней");
        assertThat(rows.get(1).findElement(By.className("debt-overdue")).getText()).isEqualTo("250,00 ₽");
        assertThat(chromium.text(By.cssSelector("#total-overdue .bucket-amount"))).isEqualTo("4 250,00 ₽");

        new Select(browser.findElement(By.id("bucket"))).selectByValue("DAYS_1_30");
        chromium.click(By.id("filter-submit"));
        wait.until(ExpectedConditions.urlContains("bucket=DAYS_1_30"));
        assertThat(browser.findElements(By.cssSelector("#debts .debt-row")))
                .singleElement().extracting(row -> row.getAttribute("data-id")).isEqualTo(recent.toString());

        chromium.click(By.id("filter-reset"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#debts .debt-row"), 2));
        chromium.click(By.cssSelector("#debts .debt-row[data-id='" + late + "'] .company-link"));

        wait.until(ExpectedConditions.urlContains("/companies/" + late));
        assertThat(chromium.text(By.id("account-owed"))).isEqualTo("5 000,00 ₽");
        assertThat(chromium.text(By.id("account-overdue"))).isEqualTo("4 000,00 ₽");
        assertThat(browser.findElements(By.cssSelector("#open-invoices .open-invoice"))).hasSize(2);
    }
}
