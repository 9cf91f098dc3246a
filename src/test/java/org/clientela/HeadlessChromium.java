package org.clientela;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium for the browser tests: the driver and the browser
 * are named explicitly (else Selenium Manager tries the internet), with a fresh profile and the
 * flags that keep Chromium off the network. Actions wait for their element, never sleep.
 */
public final class HeadlessChromium implements AutoCloseable {

    private final int port;
    private final Path profile;
    private final WebDriver driver;
    private final WebDriverWait wait;

    private HeadlessChromium(int port, Path profile, WebDriver driver) {
        this.port = port;
        this.profile = profile;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        // a wait that fails says where the browser was and what it showed, since a page cannot be looked at later
        this.wait.withMessage(this::whereTheBrowserIs);
    }

    private String whereTheBrowserIs() {
        try {
            String body = driver.findElement(By.tagName("body")).getText();
            return "the browser was at " + driver.getCurrentUrl() + ", showing: "
                    + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
        } catch (RuntimeException e) {
            return "the browser could not say where it was: " + e;
        }
    }

    public static HeadlessChromium open(int port) {
        try {
            Path profile = Files.createTempDirectory("clientela-chromium");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                    .usingAnyFreePort()
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900",
                    "--user-data-dir=" + profile);
            // the page's console, for the tests that check that a page ran without a script error
            options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
            // no saved passwords: filled in after a test typed its own, they would log in someone else
            options.setExperimentalOption("prefs", java.util.Map.of("credentials_enable_service", false,
                    "profile.password_manager_enabled", false));
            return new HeadlessChromium(port, profile, new ChromeDriver(service, options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return wait;
    }

    public void logIn(String username, String password) {
        driver.get("http://localhost:" + port + "/login");
        type(By.id("username"), username);
        type(By.id("password"), password);
        click(By.id("login-submit"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
    }

    /** Bootstrap scrolls smoothly: the scroll must end before the click, or it lands elsewhere. */
    public void click(By locator) {
        WebElement element = wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    public void type(By locator, String text) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
        field.clear();
        field.sendKeys(text);
    }

    /** Date and time fields take typing in the browser's locale: their value is set as the form sends it. */
    public void setValue(By locator, String value) {
        WebElement element = wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", element, value);
    }

    public String text(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator)).getText();
    }

    /**
     * The errors the pages wrote to the console since the last call: script errors and resources
     * that failed to load, except the favicon, which the browser asks for on its own and the
     * application does not have.
     */
    public java.util.List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(message -> !message.contains("/favicon.ico")).toList();
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
