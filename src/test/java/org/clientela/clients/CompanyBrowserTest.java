package org.clientela.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.clientela.ApiClient;
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

/** The company screens in a real browser (Debian's headless Chromium), as a manager uses them. */
@IntegrationTest
class CompanyBrowserTest {

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
    void aManagerFindsACompanyAsHeTypesWithoutAPageLoad() {
        String name = ApiClient.unique("Зеркала");
        new ApiClient(port).as("manager1").post("/api/v1/companies", Map.of("name", name, "legalForm", "OOO",
                "inn", CompanyNumbers.organisationInn(), "kpp", "773601001")).isJson(201);
        logIn("manager1", "demo");
        click(By.linkText("Клиенты"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("company-filter")));
        ((JavascriptExecutor) browser).executeScript("window.stillTheSamePage = true");

        type(By.id("q"), name.substring(2));

        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#companies .company-row"), 1));
        assertThat(text(By.cssSelector("#companies .company-link"))).isEqualTo(name);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage === true"))
                .isEqualTo(true);
        wait.until(ExpectedConditions.urlContains("q="));
    }

    @Test
    void aManagerCorrectsAWrongInnAndLandsOnTheNewCompany() {
        String name = ApiClient.unique("Стекольный двор");
        String inn = CompanyNumbers.organisationInn();
        String wrongInn = inn.substring(0, 9) + (char) ('0' + (inn.charAt(9) - '0' + 1) % 10);
        logIn("manager1", "demo");
        click(By.linkText("Клиенты"));
        click(By.id("new-company"));

        type(By.id("name"), name);
        new Select(browser.findElement(By.id("legalForm"))).selectByValue("OOO");
        type(By.id("inn"), wrongInn);
        type(By.id("kpp"), "773601001");
        click(By.id("company-submit"));

        WebElement innError = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".invalid-feedback[data-field=inn]")));
        assertThat(innError.getText()).contains("контрольная цифра");
        assertThat(browser.findElement(By.id("inn")).getDomAttribute("class")).contains("is-invalid");
        assertThat(browser.findElement(By.id("name")).getDomProperty("value")).isEqualTo(name);

        type(By.id("inn"), inn);
        click(By.id("company-submit"));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("company-name")));
        assertThat(text(By.id("company-name"))).isEqualTo(name);
        assertThat(text(By.id("flash-success"))).contains(name);
        assertThat(text(By.id("requisites"))).contains(inn);
        assertThat(browser.getCurrentUrl()).matches(".*/companies/[0-9a-f-]{36}$");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#company-history table")));
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
