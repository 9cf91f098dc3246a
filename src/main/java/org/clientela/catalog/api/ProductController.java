package org.clientela.catalog.api;

import java.net.URI;
import java.util.UUID;

import org.clientela.catalog.ProductView;
import org.clientela.catalog.internal.ProductService;
import org.clientela.platform.Versions;
import org.clientela.shared.PageResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The catalogue: products, read by everybody, changed by the head, the director, the administrator. */
@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Products", description = "The catalogue; costPrice only for HEAD, DIRECTOR, ADMIN")
class ProductController {

    private final ProductService products;

    ProductController(ProductService products) {
        this.products = products;
    }

    @GetMapping
    @Operation(summary = "A page of the catalogue",
            description = "q: a fragment of the SKU or name; group: an assortment group's name. "
                    + "Sortable by sku, name, group.")
    PageResponse<ProductView> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) String group, @ParameterObject Pageable pageable) {
        return products.list(q, group, pageable);
    }

    @PostMapping
    @Operation(summary = "A new product; its basePrice goes into the base price list in force today",
            description = "unit: PCS, M2 or M; formula (a glass unit, e.g. 4-16-4) needs unit M2. "
                    + "A duplicate SKU answers 409.")
    ResponseEntity<ProductView> create(@RequestBody ProductRequest request) {
        ProductView created = products.create(request.toInput());
        return ResponseEntity.created(URI.create("/api/v1/products/" + created.id()))
                .eTag(Versions.etag(created.version())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One product; its version is the ETag")
    ResponseEntity<ProductView> product(@PathVariable UUID id) {
        ProductView product = products.product(id);
        return ResponseEntity.ok().eTag(Versions.etag(product.version())).body(product);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change the name, group, cost price or activity; needs If-Match or version",
            description = "SKU and unit are fixed; prices change through a new price list version.")
    ResponseEntity<ProductView> update(@PathVariable UUID id,
            @Parameter(description = "The ETag of the version last seen, e.g. \"3\"")
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @RequestBody ProductRequest request) {
        ProductView updated = products.update(id, Versions.expected(ifMatch, request.version()), request.toInput());
        return ResponseEntity.ok().eTag(Versions.etag(updated.version())).body(updated);
    }
}
