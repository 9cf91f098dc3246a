package org.clientela.catalog.api;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.clientela.catalog.ClientPrices;
import org.clientela.catalog.PriceBreakdown;
import org.clientela.catalog.PriceTypeView;
import org.clientela.catalog.ProductId;
import org.clientela.catalog.UnitSize;
import org.clientela.catalog.internal.PriceTypeService;
import org.clientela.clients.CompanyId;
import org.clientela.shared.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A client's prices: its price type and the price of a product with the reasons for it. */
@RestController
@Tag(name = "Client prices", description = "A company's price type and its price of a product, explained")
class CompanyPriceController {

    static final String BOTH_SIDES = "catalog.price.sizeBothSides";

    private final ClientPrices prices;
    private final PriceTypeService priceTypes;
    private final Clock clock;

    CompanyPriceController(ClientPrices prices, PriceTypeService priceTypes, Clock clock) {
        this.prices = prices;
        this.priceTypes = priceTypes;
        this.clock = clock;
    }

    record PriceTypeRequest(String priceTypeId) {
    }

    /** A company's price type; {@code priceType} absent: it pays the base price. */
    record PriceTypeResponse(UUID companyId, PriceTypeView priceType) {
    }

    @GetMapping("/api/v1/companies/{id}/prices/{productId}")
    @Operation(summary = "The company's price of a product on a day, with its breakdown",
            description = "date: YYYY-MM-DD, today by default; quantity: 1 by default; width and height: the "
                    + "size of each glass unit in metres, required for a product by formula (at least "
                    + "0.3 m² billed per unit). 404 for a company the caller may not see.")
    PriceBreakdown price(@PathVariable UUID id, @PathVariable UUID productId,
            @RequestParam(required = false) LocalDate date,
            @RequestParam(defaultValue = "1") BigDecimal quantity,
            @RequestParam(required = false) BigDecimal width, @RequestParam(required = false) BigDecimal height) {
        if ((width == null) != (height == null)) {
            throw new InvalidInputException(width == null ? "width" : "height", BOTH_SIDES);
        }
        UnitSize size = width == null ? null : new UnitSize(width, height);
        return prices.priceFor(new CompanyId(id), new ProductId(productId), date == null ? LocalDate.now(clock) : date,
                quantity, size);
    }

    @GetMapping("/api/v1/companies/{id}/price-type")
    @Operation(summary = "The company's price type")
    PriceTypeResponse priceType(@PathVariable UUID id) {
        return new PriceTypeResponse(id, priceTypes.priceTypeOf(new CompanyId(id)).orElse(null));
    }

    @PutMapping("/api/v1/companies/{id}/price-type")
    @Operation(summary = "Set the company's price type (HEAD, DIRECTOR, ADMIN); an empty priceTypeId: the base price")
    ResponseEntity<PriceTypeResponse> assign(@PathVariable UUID id, @RequestBody PriceTypeRequest request) {
        return ResponseEntity.ok(new PriceTypeResponse(id,
                priceTypes.assign(new CompanyId(id), request.priceTypeId()).orElse(null)));
    }
}
