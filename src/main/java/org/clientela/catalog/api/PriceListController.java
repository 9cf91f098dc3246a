package org.clientela.catalog.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.clientela.catalog.PriceListView;
import org.clientela.catalog.PriceTypeView;
import org.clientela.catalog.internal.PriceListService;
import org.clientela.catalog.internal.PriceTypeService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Price lists with their versions, and the price types. */
@RestController
@Tag(name = "Price lists", description = "Versioned price lists; a new version changed by the head, "
        + "the director or the administrator")
class PriceListController {

    private final PriceListService priceLists;
    private final PriceTypeService priceTypes;

    PriceListController(PriceListService priceLists, PriceTypeService priceTypes) {
        this.priceLists = priceLists;
        this.priceTypes = priceTypes;
    }

    /** A new version: {@code entries} change the prices of the list's latest version. */
    record VersionRequest(String name, String effectiveFrom, List<PriceListService.EntryInput> entries) {
    }

    @GetMapping("/api/v1/price-lists")
    @Operation(summary = "Every version of every price list, the base list first, newest first (no entries)")
    List<PriceListView> list() {
        return priceLists.versions();
    }

    @PostMapping("/api/v1/price-lists")
    @Operation(summary = "A new version of the named price list (a new list for a new name)",
            description = "It starts from the prices of the list's latest version and changes those given; "
                    + "from effectiveFrom (YYYY-MM-DD) it supersedes the earlier versions.")
    ResponseEntity<PriceListView> create(@RequestBody VersionRequest request) {
        PriceListView created = priceLists.createVersion(request.name(), request.effectiveFrom(), request.entries());
        return ResponseEntity.created(URI.create("/api/v1/price-lists/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/price-lists/{id}")
    @Operation(summary = "One version of a price list with its entries")
    PriceListView version(@PathVariable UUID id) {
        return priceLists.version(id);
    }

    @GetMapping("/api/v1/price-types")
    @Operation(summary = "The price types: a client's discount off the base price, in percent")
    List<PriceTypeView> priceTypes() {
        return priceTypes.priceTypes();
    }
}
