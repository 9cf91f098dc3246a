package org.clientela.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.clientela.ApiClient;
import org.clientela.HeadlessChromium;
import org.clientela.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The import in a real browser: a file with a bad row is reported, the corrected one imported. */
@IntegrationTest
class CompanyImportBrowserTest {

    @LocalServerPort
    int port;

    private HeadlessChromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;
    private Path directory;

    @BeforeEach
    void openBrowser() throws IOException {
        chromium = HeadlessChromium.open(port);
        browser = chromium.driver();
        wait = chromium.waiting();
        directory = Files.createTempDirectory("clientela-import-test");
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }

    @Test
    void aManagerSeesTheBadRowThenImportsTheCorrectedFile() throws IOException {
        String name = ApiClient.unique("Браузерный импорт");
        String inn = CompanyNumbers.organisationInn();
        String wrongInn = inn.substring(0, 9) + (char) ('0' + (inn.charAt(9) - '0' + 1) % 10);
        String header = "Название;ИНН;КПП;Организационно-правовая форма;Контактное лицо\n";
        Path bad = file("bad.csv", header + name + " 1;" + CompanyNumbers.organisationInn() + ";773601001;ООО;Иванов\n"
                + name + " 2;" + wrongInn + ";773601001;ООО;Петров\n");
        Path good = file("good.csv", header + name + " 1;" + CompanyNumbers.organisationInn() + ";773601001;ООО;Иванов\n"
                + name + " 2;" + inn + ";773601001;ООО;Петров\n");
        chromium.logIn("manager1", "demo");
        chromium.click(By.linkText("Клиенты"));
        chromium.click(By.id("import-companies"));

        upload(bad);
        chromium.click(By.id("import-check"));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-invalid")));
        assertThat(chromium.text(By.cssSelector("#import-problems .problem-row"))).isEqualTo("3");
        assertThat(chromium.text(By.cssSelector("#import-problems .problem-column"))).isEqualTo("ИНН");
        assertThat(chromium.text(By.cssSelector("#import-problems .problem-message"))).contains("контрольн");
        assertThat(browser.findElement(By.id("import-commit")).isEnabled()).isFalse();

        chromium.click(By.id("import-another"));
        upload(good);
        chromium.click(By.id("import-check"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-valid")));
        chromium.click(By.id("import-commit"));

        assertThat(chromium.text(By.id("import-done"))).contains("2");
        chromium.click(By.id("import-to-list"));
        chromium.type(By.id("q"), name);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#companies .company-row"), 2));
        assertThat(chromium.text(By.cssSelector("#companies .company-link"))).startsWith(name);
    }

    private void upload(Path file) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-file")))
                .sendKeys(file.toAbsolutePath().toString());
        chromium.click(By.id("import-upload-submit"));
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
    }
}
