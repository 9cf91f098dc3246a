package org.clientela.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.HeadlessChromium;
import org.clientela.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The head enters a plan in its grid in a real browser (Debian's headless Chromium) and approves it. */
@IntegrationTest
class PlanBrowserTest {

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

    private static By cell(String scope, Object id, String measure) {
        return By.cssSelector("#cell-" + scope + "-" + id + "-" + measure);
    }

    /**
     * Types over a cell's text and leaves the cell, which saves it. (Not {@code clear()}: emptying
     * a cell is a change of its own that would be saved first.)
     */
    private void typeOver(By cell, String text) {
        By input = By.cssSelector(cellSelector(cell) + " input");
        // the previous cell's answer may still be swapping the grid in: type into the cell as it is then
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            WebElement field = driver.findElement(input);
            if (!field.isDisplayed()) {
                return false;
            }
            field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
            return true;
        });
    }

    /** Types into a cell and waits for the plan's next version. */
    private void typeInto(By cell, String text, int versionAfter) {
        typeOver(cell, text);
        wait.until(ExpectedConditions.attributeToBe(By.id("plan-version"), "value", String.valueOf(versionAfter)));
    }

    private static String cellSelector(By cell) {
        return cell.toString().replace("By.cssSelector: ", "");
    }

    private String total(String measure) {
        return chromium.text(By.id("total-" + measure)).replace('\u00A0', ' ');
    }

    @Test
    void theHeadTypesTargetsSeesTheManagersTotalAndApprovesThePlan() {
        ApiClient api = new ApiClient(port);
        PlanWorld world = new PlanWorld(api, jdbc);
        String id = api.as("head").post("/api/v1/plans", Map.of("period", "2065-01")).isJson(201).id();
        UUID manager1 = world.user("manager1");
        UUID manager2 = world.user("manager2");

        chromium.logIn("head", ApiClient.DEMO_PASSWORD);
        // the analyses sit in one menu of the navigation bar
        chromium.click(By.linkText("Аналитика"));
        chromium.click(By.linkText("Планы продаж"));
        chromium.click(By.linkText("2065-01"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-grid")));

        typeInto(cell("DEPARTMENT", "department", "revenue"), "1 000 000", 1);
        typeInto(cell("MANAGER", manager1, "revenue"), "600 000,50", 2);
        assertThat(total("revenue")).isEqualTo("600 000,5");
        assertThat(browser.findElement(By.id("total-revenue")).getAttribute("data-mismatch")).isEqualTo("true");
        typeInto(cell("MANAGER", manager2, "revenue"), "399 999,50", 3);
        wait.until(driver -> total("revenue").equals("1 000 000"));
        assertThat(browser.findElement(By.id("total-revenue")).getAttribute("data-mismatch")).isEqualTo("false");

        // a bad number is refused at its cell and nothing is saved
        By activeClients = cell("MANAGER", manager1, "activeClients");
        typeOver(activeClients, "двенадцать");
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(cellSelector(activeClients) + " .invalid-feedback")));
        assertThat(chromium.text(By.cssSelector(cellSelector(activeClients) + " .invalid-feedback")))
                .isEqualTo("Это не число. Пример: 1 200 000,50.");
        assertThat(browser.findElement(By.id("plan-version")).getAttribute("value")).isEqualTo("3");
        typeInto(activeClients, "12", 4);
        assertThat(total("activeClients")).isEqualTo("12");

        chromium.click(By.id("approve"));
        wait.until(ExpectedConditions.textToBe(By.id("plan-status"), "Утверждён"));
        assertThat(chromium.text(By.id("plan-approved"))).startsWith("Утвердил");
        assertThat(browser.findElements(By.cssSelector("#plan-grid input"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector(cellSelector(cell("MANAGER", manager1, "revenue")) + " .plan-value"))
                .getText().replace('\u00A0', ' ')).isEqualTo("600 000,5");
        assertThat(api.as("head").get("/api/v1/plans/" + id).isJson(200).json().path("status").asString())
                .isEqualTo("APPROVED");
    }
}
