package org.clientela.keyaccounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.clientela.ApiClient;
import org.clientela.HeadlessChromium;
import org.clientela.IntegrationTest;
import org.clientela.keyaccounts.SalesFacts.Company;
import org.clientela.salesfacts.internal.SalesFactTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The ABC/XYZ page in a real browser (Debian's headless Chromium), over sales facts of 2050. */
@IntegrationTest
class AbcXyzBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SalesFactTable salesFactTable;

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
    void theDirectorSeesTheChartsAndTheTableAndOpensACellOfTheMatrix() {
        SalesFacts facts = new SalesFacts(new ApiClient(port), jdbc, salesFactTable);
        Company steady = facts.company("manager1", "Ровный");
        Company once = facts.company("manager2", "Разовый");
        // steady: 1 000 a month, 3 000 (AX); once: 500 in February, from 85.71 % (B), cv 141.42 % (Z)
        for (String month : List.of("2050-01", "2050-02", "2050-03")) {
            facts.sale(steady, month, "1000.00", "600.00");
        }
        facts.sale(once, "2050-02", "500.00", "300.00");

        chromium.logIn("director", ApiClient.DEMO_PASSWORD);
        // the analyses sit in one menu of the navigation bar
        chromium.click(By.linkText("Аналитика"));
        chromium.click(By.linkText("ABC/XYZ-анализ"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("abc-xyz-filter")));
        browser.get("http://localhost:" + port + "/analytics/abc-xyz?from=2050-01&to=2050-03");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pareto-chart canvas")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#matrix-chart canvas")));
        assertThat(browser.findElement(By.id("from")).getAttribute("value")).isEqualTo("2050-01");
        List<WebElement> rows = browser.findElements(By.cssSelector("#abc-xyz-companies .abc-xyz-row"));
        assertThat(rows).extracting(row -> row.getAttribute("data-id"))
                .containsExactly(steady.id().toString(), once.id().toString());
        assertThat(classOf(rows.get(0))).isEqualTo("AX");
        assertThat(classOf(rows.get(1))).isEqualTo("BZ");
        assertThat(rows.get(1).findElement(By.className("company-cv")).getText()).isEqualTo("141,42");
        assertThat(chromium.text(By.cssSelector("#cell-BZ .cell-count"))).isEqualTo("1");

        chromium.click(By.id("cell-BZ"));

        wait.until(ExpectedConditions.urlContains("cell=BZ"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#matrix-chart canvas")));
        assertThat(browser.findElements(By.cssSelector("#abc-xyz-companies .abc-xyz-row")))
                .singleElement().extracting(row -> row.getAttribute("data-id")).isEqualTo(once.id().toString());
        assertThat(chromium.text(By.id("abc-xyz-cell-filter"))).isEqualTo("Клиенты ячейки BZ");

        chromium.click(By.id("abc-xyz-all"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#abc-xyz-companies .abc-xyz-row"), 2));
        chromium.click(By.cssSelector(".abc-xyz-row[data-id='" + steady.id() + "'] .company-link"));
        wait.until(ExpectedConditions.urlContains("/companies/" + steady.id()));
    }

    private static String classOf(WebElement row) {
        return row.findElement(By.className("company-abc")).getText()
                + row.findElement(By.className("company-xyz")).getText();
    }
}
