package org.clientela.receivables.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.clientela.ApiClient;
import org.clientela.HeadlessChromium;
import org.clientela.IntegrationTest;
import org.clientela.clients.CompanyId;
import org.clientela.receivables.InvoiceView;
import org.clientela.receivables.Invoices;
import org.clientela.receivables.ReceivablesTestData;
import org.clientela.receivables.ReceivablesWorld;
import org.clientela.receivables.ReceivablesWorld.Manager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A manager's collection morning in a real browser: the task on the start page, the client's
 * «Взыскание» section, the call marked done and the promise the client made, all without leaving
 * the company page.
 */
@IntegrationTest
class CollectionBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    CollectionRun run;
    @Autowired
    Invoices invoices;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        chromium = HeadlessChromium.open(port);
        browser = chromium.driver();
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aManagerCallsTheClientMarksTheCallDoneAndRecordsThePromise() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Moscow")));
        String name = ApiClient.unique("Утро взыскания");
        ReceivablesTestData data = new ReceivablesTestData(new ApiClient(port), invoices, jdbc);
        // a manager of one's own: every run acts on all overdue invoices, and the panel shows twenty tasks
        ReceivablesWorld world = new ReceivablesWorld(new ApiClient(port));
        Manager manager = world.newManager();
        CompanyId company = data.company(world.as(manager), name);
        InvoiceView invoice = data.invoice(company, today.minusDays(8), "36000.00");
        run.runFor(today);
        chromium.logIn(manager.username(), ReceivablesWorld.PASSWORD);

        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("collection-tasks"),
                invoice.number()));
        chromium.click(By.linkText(name));
        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("open-actions")));
        ((JavascriptExecutor) browser).executeScript("window.stillTheSamePage = true");

        chromium.click(By.cssSelector("tr[data-kind='CALL_TASK'] .mark-done"));
        chromium.type(By.id("done-outcome"), "Бухгалтер обещала оплатить до пятницы");
        chromium.click(By.id("save-done"));
        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("action-done")));
        assertThat(chromium.text(By.id("closed-actions"))).contains("Бухгалтер обещала оплатить до пятницы");

        chromium.click(By.id("record-promise"));
        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("promise-promisedDate")));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('promise-promisedDate').value = arguments[0]",
                today.plusDays(4).toString());
        chromium.type(By.id("promise-amount"), "36 000");
        chromium.type(By.id("promise-madeBy"), "Главный бухгалтер");
        chromium.click(By.id("save-promise"));

        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("promise-saved")));
        assertThat(chromium.text(By.id("promises")).replace('\u00A0', ' '))
                .contains(today.plusDays(4).format(DateTimeFormatter.ofPattern("dd.MM.yyyy")), "36 000,00 ₽",
                        "ожидается");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage === true"))
                .isEqualTo(true);
    }
}
