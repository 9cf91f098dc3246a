package org.clientela.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.clientela.ApiClient;
import org.clientela.HeadlessChromium;
import org.clientela.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboards in a real browser (Debian's headless Chromium) over the demo world: every chart is
 * drawn (an ECharts canvas in each chart's element), no script error is logged, and a screenshot of
 * each view goes to {@code target/screenshots/} for a person to look at.
 */
@IntegrationTest
class DashboardBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

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
    void theDirectorsDashboardDrawsEveryChart() throws IOException {
        chromium.logIn("director", ApiClient.DEMO_PASSWORD);
        chromium.click(By.linkText("Сводка"));

        wait.until(ExpectedConditions.textToBe(By.id("dashboard-heading"), "Сводка по отделу"));
        for (String chart : List.of("months-chart", "matrix-chart", "ageing-chart")) {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + chart + " canvas")));
        }
        // the demo has this month's plan (a draft): its chart is drawn too
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#plan-chart canvas")));
        assertThat(browser.findElements(By.cssSelector("#months-table .month-row"))).hasSize(12);
        assertThat(browser.findElements(By.cssSelector("#ageing-table .ageing-row"))).isNotEmpty();
        assertThat(chromium.consoleErrors()).isEmpty();
        screenshot("dashboard-director.png");
    }

    @Test
    void theManagersDashboardDrawsTheirCharts() throws IOException {
        chromium.logIn("manager1", ApiClient.DEMO_PASSWORD);
        chromium.click(By.id("home-dashboard"));

        wait.until(ExpectedConditions.textToBe(By.id("dashboard-heading"), "Мои показатели"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#months-chart canvas")));
        assertThat(browser.findElements(By.id("matrix-chart"))).isEmpty();
        assertThat(chromium.consoleErrors()).isEmpty();
        screenshot("dashboard-manager.png");
    }

    /** The whole page: the window made as tall as the page first (the charts follow the resize). */
    private void screenshot(String name) throws IOException {
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.body.scrollHeight");
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 150, 4000)));
        Files.createDirectories(SCREENSHOTS);
        Path taken = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(taken, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
