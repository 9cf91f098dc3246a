package org.clientela.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.clientela.ApiClient;
import org.clientela.HeadlessChromium;
import org.clientela.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The company screens in a real browser (Debian's headless Chromium), as a manager uses them. */
@IntegrationTest
class CompanyBrowserTest {

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
    void aManagerFindsACompanyAsHeTypesWithoutAPageLoad() {
        String name = ApiClient.unique("Зеркала");
        new ApiClient(port).as("manager1").post("/api/v1/companies", Map.of("name", name, "legalForm", "OOO",
                "inn", CompanyNumbers.organisationInn(), "kpp", "773601001")).isJson(201);
        chromium.logIn("manager1", "demo");
        chromium.click(By.linkText("Клиенты"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("company-filter")));
        ((JavascriptExecutor) browser).executeScript("window.stillTheSamePage = true");

        chromium.type(By.id("q"), name.substring(2));

        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#companies .company-row"), 1));
        assertThat(chromium.text(By.cssSelector("#companies .company-link"))).isEqualTo(name);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage === true"))
                .isEqualTo(true);
        wait.until(ExpectedConditions.urlContains("q="));
    }

    @Test
    void aManagerCorrectsAWrongInnAndLandsOnTheNewCompany() {
        String name = ApiClient.unique("Стекольный двор");
        String inn = CompanyNumbers.organisationInn();
        String wrongInn = inn.substring(0, 9) + (char) ('0' + (inn.charAt(9) - '0' + 1) % 10);
        chromium.logIn("manager1", "demo");
        chromium.click(By.linkText("Клиенты"));
        chromium.click(By.id("new-company"));

        chromium.type(By.id("name"), name);
        new Select(browser.findElement(By.id("legalForm"))).selectByValue("OOO");
        chromium.type(By.id("inn"), wrongInn);
        chromium.type(By.id("kpp"), "773601001");
        chromium.click(By.id("company-submit"));

        WebElement innError = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".invalid-feedback[data-field=inn]")));
        assertThat(innError.getText()).contains("контрольная цифра");
        assertThat(browser.findElement(By.id("inn")).getDomAttribute("class")).contains("is-invalid");
        assertThat(browser.findElement(By.id("name")).getDomProperty("value")).isEqualTo(name);

        chromium.type(By.id("inn"), inn);
        chromium.click(By.id("company-submit"));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("company-name")));
        assertThat(chromium.text(By.id("company-name"))).isEqualTo(name);
        assertThat(chromium.text(By.id("flash-success"))).contains(name);
        assertThat(chromium.text(By.id("requisites"))).contains(inn);
        assertThat(browser.getCurrentUrl()).matches(".*/companies/[0-9a-f-]{36}$");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#company-history table")));
    }

    @Test
    void aManagerAddsAPersonWithTwoPhonesMarksThemAsLeftAndEditsTheDossierWithoutLeavingThePage() {
        String name = ApiClient.unique("Остекление");
        String id = new ApiClient(port).as("manager1").post("/api/v1/companies", Map.of("name", name,
                "legalForm", "OOO", "inn", CompanyNumbers.organisationInn(), "kpp", "773601001")).isJson(201).id();
        chromium.logIn("manager1", "demo");
        browser.get("http://localhost:" + port + "/companies/" + id);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("add-person")));
        ((JavascriptExecutor) browser).executeScript("window.stillTheSamePage = true");

        chromium.click(By.id("add-person"));
        chromium.type(By.id("person-fullName"), "Орлов Игорь Семёнович");
        chromium.type(By.id("person-position"), "Директор по закупкам");
        new Select(browser.findElement(By.id("person-decisionRole"))).selectByValue("DECISION_MAKER");
        chromium.type(By.id("person-phones"), "+7 495 100-20-30");
        chromium.click(By.id("add-phones"));
        By phones = By.cssSelector("#person-phones-rows input[name=phones]");
        wait.until(ExpectedConditions.numberOfElementsToBe(phones, 2));
        browser.findElements(phones).get(1).sendKeys("8 916 200-30-40");
        chromium.click(By.id("person-submit"));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("person-saved")));
        By card = By.cssSelector("#company-people .contact-card");
        assertThat(chromium.text(card)).contains("Орлов Игорь Семёнович", "+7 495 100-20-30", "8 916 200-30-40");
        assertThat(chromium.text(By.id("company-people"))).contains("Принимают решения");
        assertThat(browser.findElements(By.cssSelector("#company-people .contact-phone"))).hasSize(2);

        chromium.click(By.cssSelector("#company-people .contact-card .edit-person"));
        wait.until(ExpectedConditions.numberOfElementsToBe(phones, 2));
        chromium.click(By.id("person-left"));
        chromium.click(By.id("person-submit"));

        assertThat(chromium.text(By.id("company-people-left"))).contains("Орлов Игорь Семёнович");
        assertThat(browser.findElements(card)).isEmpty();

        chromium.click(By.id("edit-dossier"));
        chromium.type(By.id("dossier-needs"), "Стеклопакеты 4-16-4 для нового цеха");
        // a second row of key dates, then the first removed: the one left is sent as the first
        chromium.click(By.id("add-key-date"));
        By rows = By.cssSelector("#dossier-key-dates .key-date-row");
        wait.until(ExpectedConditions.numberOfElementsToBe(rows, 2));
        WebElement second = browser.findElements(rows).get(1);
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2027-03-15'",
                second.findElement(By.cssSelector(".key-date-day")));
        second.findElement(By.cssSelector(".key-date-description")).sendKeys("Юбилей завода");
        browser.findElements(rows).get(0).findElement(By.cssSelector("[data-remove-row]")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(rows, 1));
        assertThat(browser.findElement(By.cssSelector(".key-date-day")).getDomAttribute("name"))
                .isEqualTo("keyDates[0].day");
        chromium.click(By.id("dossier-submit"));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dossier-saved")));
        assertThat(chromium.text(By.id("company-dossier"))).contains("Стеклопакеты 4-16-4 для нового цеха",
                "15.03.2027 — Юбилей завода");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("company-history"),
                "Стеклопакеты 4-16-4 для нового цеха"));
        assertThat(chromium.text(By.id("company-history"))).contains("Потребности");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage === true"))
                .isEqualTo(true);
    }
}
