package org.clientela.orders;

import static org.assertj.core.api.Assertions.assertThat;

import org.clientela.ApiClient;
import org.clientela.HeadlessChromium;
import org.clientela.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Taking an order in a real browser (Debian's headless Chromium): a line added in place, then confirmed. */
@IntegrationTest
class OrderBrowserTest {

    @LocalServerPort
    int port;

    private HeadlessChromium chromium;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        chromium = HeadlessChromium.open(port);
        wait = chromium.waiting();
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aManagerTakesAnOrderWithALineAndConfirmsIt() {
        OrderWorld world = new OrderWorld(new ApiClient(port));
        String company = world.company("manager1");
        world.limit(company, "1000000.00", 30);
        String sku = new ApiClient(port).as("head").get("/api/v1/products/" + world.piece(OrderWorld.SERVICES,
                "1500.00", null)).json().path("sku").asString();
        chromium.logIn("manager1", "demo");
        chromium.driver().get("http://localhost:" + port + "/companies/" + company);
        chromium.click(By.id("new-order-for-company"));
        chromium.click(By.id("create-order"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("add-line")));

        chromium.type(By.id("product-search"), sku);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#productId option"), 2));
        new Select(chromium.driver().findElement(By.id("productId"))).selectByIndex(1);
        chromium.driver().findElement(By.id("quantity")).clear();
        chromium.type(By.id("quantity"), "3");
        chromium.click(By.id("add-line-button"));

        // 1 500,00 × 3 = 4 500,00; VAT 900,00; 5 400,00
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#lines .order-line"), 1));
        assertThat(chromium.text(By.id("total-with-vat")).replace('\u00A0', ' ')).isEqualTo("5 400,00 ₽");
        chromium.click(By.id("confirm-button"));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash-success")));
        assertThat(chromium.text(By.cssSelector(".order-status"))).isEqualTo("Подтверждён");
        assertThat(chromium.text(By.id("order-number"))).startsWith("Заказ З-");
    }
}
