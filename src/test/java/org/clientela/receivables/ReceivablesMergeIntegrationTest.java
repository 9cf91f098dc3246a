package org.clientela.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Two companies found to be one client: the duplicate's invoices and payments become the survivor's. */
@IntegrationTest
class ReceivablesMergeIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void theDuplicatesMoneyPaysTheSurvivorsDebts() {
        ApiClient api = new ApiClient(port);
        ReceivablesWorld world = new ReceivablesWorld(api);
        LocalDate today = ReceivablesWorld.today();
        UUID survivor = world.companyOf("manager1", "Остающийся");
        UUID duplicate = world.companyOf("manager1", "Дубликат");
        JsonNode owed = world.invoice(survivor, today.minusDays(20), today.minusDays(10), "1000.00");
        JsonNode paidOff = world.invoice(duplicate, today.minusDays(30), today.minusDays(25), "100.00");
        world.payment(duplicate, today.minusDays(26), "100.00");
        JsonNode advance = world.pay(duplicate, today.minusDays(3), "600.00", Map.of("advance", true)).isJson(201)
                .json();

        api.as("head").post("/api/v1/companies/" + survivor + "/merge", Map.of("duplicateId", duplicate.toString(),
                "survivorVersion", version(api, survivor), "duplicateVersion", version(api, duplicate))).isJson(200);

        JsonNode invoices = api.as("manager1").get("/api/v1/invoices?companyId=" + survivor).isJson(200).json();
        assertThat(invoices.path("content").findValuesAsString("id"))
                .containsExactlyInAnyOrder(owed.path("id").asString(), paidOff.path("id").asString());
        assertThat(api.as("manager1").get("/api/v1/payments?companyId=" + survivor).isJson(200).json()
                .path("totalElements").asLong()).isEqualTo(2);
        // the duplicate's 600 of credit pays 600 of the survivor's 1 000
        assertThat(world.invoiceById(owed.path("id").asString()).path("paidAmount").decimalValue())
                .isEqualByComparingTo("600.00");
        JsonNode advanceNow = api.as("manager1").get("/api/v1/payments/" + advance.path("id").asString())
                .isJson(200).json();
        assertThat(advanceNow.path("companyId").asString()).isEqualTo(survivor.toString());
        assertThat(advanceNow.path("unallocated").decimalValue()).isEqualByComparingTo("0.00");
        // invoiced 1 000 + 100, paid 100 + 600
        JsonNode balance = api.as("manager1").get("/api/v1/companies/" + survivor + "/balance").isJson(200).json();
        assertThat(balance.path("invoiced").decimalValue()).isEqualByComparingTo("1100.00");
        assertThat(balance.path("paid").decimalValue()).isEqualByComparingTo("700.00");
        assertThat(balance.path("openAmount").decimalValue()).isEqualByComparingTo("400.00");
        assertThat(balance.path("unallocated").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(api.as("manager1").get("/api/v1/audit/Invoice/" + paidOff.path("id").asString()).isJson(200)
                .body()).contains("companyId", survivor.toString());
    }

    private static long version(ApiClient api, UUID company) {
        return api.as("head").get("/api/v1/companies/" + company).isJson(200).json().path("version").asLong();
    }
}
