package org.clientela.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import org.clientela.ApiClient;
import org.clientela.HeadlessChromium;
import org.clientela.IntegrationTest;
import org.clientela.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real browser a manager opens «Мои дела», plans a meeting with a client overdue for a contact
 * right from the overdue list, sees it in the agenda, and once it took place records its outcome:
 * the client leaves the overdue list.
 */
@IntegrationTest
class OverdueContactBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
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


    @Test
    void aMeetingPlannedFromTheOverdueListTakesTheClientOffItOnceDone() {
        ApiClient api = new ApiClient(port);
        CadenceWorld world = new CadenceWorld(api, clock, jdbc);
        String company = new ActivityWorld(api).company("manager1");
        // weekly, last called 30 days ago: 23 days overdue, among the first of the list
        world.individually("manager1", company, 7);
        world.contactedDaysAgo("manager1", company, 30);
        String subject = ApiClient.unique("Встреча по годовому объёму");
        LocalDate tomorrow = LocalDate.now(ActivityWorld.MOSCOW).plusDays(1);
        By row = By.cssSelector("#overdue-contacts li[data-company='" + company + "']");

        chromium.logIn("manager1", ApiClient.DEMO_PASSWORD);
        chromium.click(By.linkText("Мои дела"));
        assertThat(chromium.text(row)).contains("просрочено на 23 дн.", "раз в неделю", "(индивидуально)");
        chromium.click(By.cssSelector("#overdue-contacts li[data-company='" + company + "'] .plan-contact"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("quick-plan-" + company)));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("quick-type-" + company)))
                .selectByValue("MEETING");
        chromium.type(By.id("quick-subject-" + company), subject);
        chromium.setValue(By.id("quick-date-" + company), tomorrow.toString());
        chromium.setValue(By.id("quick-time-" + company), "10:00");
        chromium.setValue(By.id("quick-duration-" + company), "90");
        chromium.click(By.cssSelector("#quick-plan-" + company + " .save-quick-plan"));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash-success")));
        assertThat(chromium.text(By.id("agenda-week"))).contains(subject);
        // planned is not done: still overdue, now with the meeting beside it
        assertThat(chromium.text(row)).contains(subject);

        // two days later the meeting has taken place and waits for its outcome
        clock.moveForward(Duration.ofDays(2));
        try {
            browser.navigate().refresh();
            By planned = By.xpath("//section[@id='agenda-overdue']//tr[contains(., '" + subject + "')]");
            wait.until(ExpectedConditions.visibilityOfElementLocated(planned));
            chromium.click(By.xpath("//section[@id='agenda-overdue']//tr[contains(., '" + subject
                    + "')]//a[contains(@class, 'record-outcome')]"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("outcome-form")));
            chromium.setValue(By.id("actualTime"), "10:00");
            chromium.type(By.id("outcome"), "Согласовали объём на год, ждут договор");
            chromium.click(By.id("save-outcome"));

            assertThat(chromium.text(By.id("flash-success"))).contains(subject);
            assertThat(browser.findElements(row)).isEmpty();
            assertThat(chromium.consoleErrors()).isEmpty();
        } finally {
            clock.reset();
        }
    }
}
