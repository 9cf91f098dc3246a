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

/**
 * A manager plans a meeting on the company page in a real browser (Debian's headless Chromium),
 * finds it in «Мои дела», and once it took place records its outcome with the next step.
 */
@IntegrationTest
class ActivityBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;

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
    void aMeetingPlannedOnTheCompanyPageShowsInTheAgendaAndGetsItsOutcome() {
        ApiClient api = new ApiClient(port);
        ActivityWorld world = new ActivityWorld(api);
        String company = world.company("manager1");
        String contact = world.contact("manager1", company, "Кузнецова Мария Павловна");
        String subject = ApiClient.unique("Презентация двухкамерных стеклопакетов");
        LocalDate tomorrow = LocalDate.now(ActivityWorld.MOSCOW).plusDays(1);

        chromium.logIn("manager1", ApiClient.DEMO_PASSWORD);
        browser.get("http://localhost:" + port + "/companies/" + company);
        chromium.click(By.id("plan-activity"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("activity-form")));
        chromium.type(By.id("activity-subject"), subject);
        chromium.setValue(By.id("activity-date"), tomorrow.toString());
        chromium.setValue(By.id("activity-startTime"), "10:00");
        chromium.setValue(By.id("activity-endTime"), "11:00");
        chromium.click(By.id("activity-contact-" + contact));
        chromium.click(By.id("save-activity"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("activity-planned")));
        assertThat(chromium.text(By.id("upcoming-activities"))).contains(subject, "Кузнецова Мария Павловна");

        chromium.click(By.linkText("Мои дела"));
        assertThat(chromium.text(By.id("agenda-week"))).contains(subject);

        // two days later the meeting has taken place and waits for its outcome
        clock.moveForward(Duration.ofDays(2));
        try {
            browser.navigate().refresh();
            By row = By.xpath("//section[@id='agenda-overdue']//tr[contains(., '" + subject + "')]");
            wait.until(ExpectedConditions.visibilityOfElementLocated(row));
            chromium.click(By.xpath("//section[@id='agenda-overdue']//tr[contains(., '" + subject
                    + "')]//a[contains(@class, 'record-outcome')]"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("outcome-form")));
            assertThat(browser.findElement(By.id("actualDate")).getAttribute("value")).isEqualTo(tomorrow.toString());
            chromium.setValue(By.id("actualTime"), "10:15");
            chromium.type(By.id("outcome"), "Клиент выбрал двухкамерные, ждёт счёт на первую партию");
            chromium.type(By.id("nextSubject"), "Выставить счёт на первую партию");
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("nextType"))).selectByValue("CALL");
            chromium.setValue(By.id("nextDate"), tomorrow.plusDays(3).toString());
            chromium.setValue(By.id("nextStartTime"), "12:00");
            chromium.click(By.id("save-outcome"));

            assertThat(chromium.text(By.id("flash-success"))).contains(subject);
            assertThat(browser.findElements(By.xpath("//tr[contains(., '" + subject + "')]"))).isEmpty();
            assertThat(chromium.text(By.id("agenda-week"))).contains("Выставить счёт на первую партию");

            browser.get("http://localhost:" + port + "/companies/" + company);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("recent-activities"),
                    "Опоздание 15 мин."));
            assertThat(chromium.text(By.id("recent-activities")))
                    .contains("Клиент выбрал двухкамерные, ждёт счёт на первую партию");
            assertThat(chromium.text(By.id("company-timeline"))).contains(subject + " (проведено)");
            assertThat(chromium.consoleErrors()).isEmpty();
        } finally {
            clock.reset();
        }
    }
}
