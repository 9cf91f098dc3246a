package org.clientela.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.clientela.ApiClient;
import org.clientela.HeadlessChromium;
import org.clientela.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser: from the agenda to the calendar, where a planned meeting stands in its day at
 * its hour; and the agenda's card that gives the calendar feed's address and revokes it.
 */
@IntegrationTest
class CalendarBrowserTest {

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
    void theWeekDrawsAPlannedMeetingAtItsHour() {
        ApiClient api = new ApiClient(port);
        ActivityWorld world = new ActivityWorld(api);
        String company = world.company("manager1");
        String meeting = world.meeting("manager1", company);
        LocalDate day = LocalDate.now(ActivityWorld.MOSCOW).plusDays(2);

        chromium.logIn("manager1", ApiClient.DEMO_PASSWORD);
        browser.get("http://localhost:" + port + "/activities");
        chromium.click(By.id("tab-calendar"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("calendar-week-grid")));
        browser.get("http://localhost:" + port + "/activities/calendar?view=week&date=" + day);

        WebElement block = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#calendar-week-grid a[data-activity='" + meeting + "']")));
        WebElement cell = block.findElement(By.xpath("ancestor::td[1]"));
        assertThat(cell.getAttribute("data-day")).isEqualTo(day.toString());
        assertThat(cell.findElement(By.xpath("ancestor::tr[1]")).getAttribute("data-hour")).isEqualTo("10");
        assertThat(block.getText()).contains("10:00", "Встреча");

        // in the middle of the screen: a reminder's toast in the corner must not take the click
        chromium.click(By.cssSelector("#calendar-week-grid a[data-activity='" + meeting + "']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("outcome-form")));
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    void theAgendasCardGivesTheFeedsAddressAndRevokesIt() {
        chromium.logIn("kam", ApiClient.DEMO_PASSWORD);
        browser.get("http://localhost:" + port + "/activities");
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("calendar-feed")));
        if (card.findElements(By.id("calendar-feed-revoke")).isEmpty()) {
            chromium.click(By.cssSelector("#calendar-feed-make button"));
        }
        WebElement address = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("calendar-feed-url")));
        assertThat(address.getAttribute("value")).matches("http://localhost:" + port + "/calendar-feeds/.+\\.ics");

        chromium.click(By.cssSelector("#calendar-feed-revoke button"));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("calendar-feed-revoked")));
        assertThat(browser.findElements(By.id("calendar-feed-url"))).isEmpty();
        assertThat(chromium.consoleErrors()).isEmpty();
    }
}
