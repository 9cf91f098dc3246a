package org.clientela.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.clientela.HeadlessChromium;
import org.clientela.IntegrationTest;
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

/** The identity pages in a real browser (Debian's headless Chromium), as a person uses them. */
@IntegrationTest
class BrowserTest {

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
    void aManagerWorksInRussianSwitchesToEnglishAndLogsOut() {
        chromium.logIn("manager1", "demo");
        assertThat(chromium.text(By.tagName("h1"))).startsWith("Здравствуйте");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("ru");

        chromium.click(By.cssSelector("#language-switch > a"));
        chromium.click(By.id("lang-en"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Hello"));
        assertThat(chromium.text(By.tagName("h1"))).startsWith("Hello, Кузнецов Дмитрий Александрович");
        assertThat(chromium.text(By.id("language-switch"))).contains("Language");

        chromium.click(By.id("current-user"));
        chromium.click(By.id("logout"));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logout-message")));
        assertThat(browser.getCurrentUrl()).endsWith("/login?logout");
        assertThat(chromium.text(By.id("logout-message"))).isEqualTo("You have logged out.");
        assertThat(browser.findElements(By.id("current-user"))).isEmpty();
    }

    @Test
    void anAdministratorCreatesAUserWhoThenLogsIn() {
        String username = "b-" + UUID.randomUUID().toString().substring(0, 8);
        chromium.logIn("admin", "demo");
        chromium.click(By.linkText("Администрирование"));
        chromium.click(By.id("new-user"));

        chromium.type(By.id("username"), username);
        chromium.type(By.id("fullName"), "Браузерова Вера Павловна");
        chromium.type(By.id("email"), username + "@example.com");
        new Select(browser.findElement(By.id("teamId"))).selectByVisibleText("Отдел региональных продаж");
        chromium.click(By.cssSelector("input[name=roles][value=KEY_ACCOUNT_MANAGER]"));
        chromium.type(By.id("password"), "Glass-units-2026");
        chromium.click(By.id("user-submit"));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash-success")));
        assertThat(chromium.text(By.id("flash-success"))).contains("Браузерова Вера Павловна");
        WebElement row = browser.findElement(By.cssSelector("tr[data-username='" + username + "']"));
        assertThat(row.getText()).contains("Менеджер по ключевым клиентам", "Менеджер", "Отдел региональных продаж");

        chromium.click(By.id("current-user"));
        chromium.click(By.id("logout"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logout-message")));
        chromium.logIn(username, "Glass-units-2026");

        assertThat(chromium.text(By.tagName("h1"))).isEqualTo("Здравствуйте, Браузерова Вера Павловна!");
        chromium.click(By.id("current-user"));
        chromium.click(By.linkText("Мой профиль"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-card")));
        assertThat(chromium.text(By.id("profile-username"))).isEqualTo(username);
        assertThat(chromium.text(By.id("profile-card"))).contains("Отдел региональных продаж");
    }
}
