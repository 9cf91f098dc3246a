package org.clientela.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.clientela.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The identity pages in a real browser (Debian's headless Chromium), as a person uses them. */
@IntegrationTest
class BrowserTest {

    @LocalServerPort
    int port;

    private Path profileDirectory;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws IOException {
        profileDirectory = Files.createTempDirectory("clientela-chromium");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profileDirectory);
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        try (Stream<Path> files = Files.walk(profileDirectory)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    @Test
    void aManagerWorksInRussianSwitchesToEnglishAndLogsOut() {
        logIn("manager1", "demo");
        assertThat(text(By.tagName("h1"))).startsWith("Здравствуйте");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("ru");

        click(By.cssSelector("#language-switch > a"));
        click(By.id("lang-en"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Hello"));
        assertThat(text(By.tagName("h1"))).startsWith("Hello, Кузнецов Дмитрий Александрович");
        assertThat(text(By.id("language-switch"))).contains("Language");

        click(By.id("current-user"));
        click(By.id("logout"));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logout-message")));
        assertThat(browser.getCurrentUrl()).endsWith("/login?logout");
        assertThat(text(By.id("logout-message"))).isEqualTo("You have logged out.");
        assertThat(browser.findElements(By.id("current-user"))).isEmpty();
    }

    @Test
    void anAdministratorCreatesAUserWhoThenLogsIn() {
        String username = "b-" + UUID.randomUUID().toString().substring(0, 8);
        logIn("admin", "demo");
        click(By.linkText("Администрирование"));
        click(By.id("new-user"));

        type(By.id("username"), username);
        type(By.id("fullName"), "Браузерова Вера Павловна");
        type(By.id("email"), username + "@example.com");
        new Select(browser.findElement(By.id("teamId"))).selectByVisibleText("Отдел региональных продаж");
        click(By.cssSelector("input[name=roles][value=KEY_ACCOUNT_MANAGER]"));
        type(By.id("password"), "Glass-units-2026");
        click(By.id("user-submit"));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash-success")));
        assertThat(text(By.id("flash-success"))).contains("Браузерова Вера Павловна");
        WebElement row = browser.findElement(By.cssSelector("tr[data-username='" + username + "']"));
        assertThat(row.getText()).contains("Менеджер по ключевым клиентам", "Менеджер", "Отдел региональных продаж");

        click(By.id("current-user"));
        click(By.id("logout"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logout-message")));
        logIn(username, "Glass-units-2026");

        assertThat(text(By.tagName("h1"))).isEqualTo("Здравствуйте, Браузерова Вера Павловна!");
        click(By.id("current-user"));
        click(By.linkText("Мой профиль"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-card")));
        assertThat(text(By.id("profile-username"))).isEqualTo(username);
        assertThat(text(By.id("profile-card"))).contains("Отдел региональных продаж");
    }

    private void logIn(String username, String password) {
        browser.get("http://localhost:" + port + "/login");
        type(By.id("username"), username);
        type(By.id("password"), password);
        click(By.id("login-submit"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
    }

    /** Bootstrap scrolls smoothly: the scroll must end before the click, or it lands elsewhere. */
    private void click(By locator) {
        WebElement element = wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    private void type(By locator, String text) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
        field.clear();
        field.sendKeys(text);
    }

    private String text(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator)).getText();
    }
}
