package org.clientela.keyaccounts.api;

import java.util.List;
import java.util.UUID;

import org.clientela.keyaccounts.internal.ServiceTier;
import org.clientela.keyaccounts.internal.ServiceTiers;
import org.clientela.keyaccounts.internal.ServiceTiers.TierInput;
import org.clientela.platform.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Service tiers (K2): everyone reads them; HEAD, DIRECTOR and ADMIN keep them. */
@RestController
@Tag(name = "Key accounts")
class ServiceTierController {

    private final ServiceTiers tiers;

    ServiceTierController(ServiceTiers tiers) {
        this.tiers = tiers;
    }

    /** Numbers as JSON numbers or text; {@code discountPercent} 0–50, {@code leadTimeDays} 0–365. */
    record TierRequest(String name, String discountPercent, String leadTimeDays, String contractTerms, Long version) {

        TierInput input() {
            return new TierInput(name, discountPercent, leadTimeDays, contractTerms);
        }
    }

    @GetMapping("/api/v1/service-tiers")
    @Operation(summary = "The service tiers, the largest discount first")
    List<ServiceTier> list() {
        return tiers.tiers();
    }

    @GetMapping("/api/v1/service-tiers/{id}")
    @Operation(summary = "A service tier")
    ResponseEntity<ServiceTier> get(@PathVariable UUID id) {
        return respond(HttpStatus.OK, tiers.tier(id));
    }

    @PostMapping("/api/v1/service-tiers")
    @Operation(summary = "Create a service tier (HEAD, DIRECTOR, ADMIN)")
    ResponseEntity<ServiceTier> create(@RequestBody TierRequest request) {
        ServiceTiers.requireMayEdit();
        return respond(HttpStatus.CREATED, tiers.create(request.input()));
    }

    @PutMapping("/api/v1/service-tiers/{id}")
    @Operation(summary = "Change a service tier (HEAD, DIRECTOR, ADMIN); If-Match or version required")
    ResponseEntity<ServiceTier> change(@PathVariable UUID id, @RequestBody TierRequest request,
            @RequestHeader(value = Versions.IF_MATCH, required = false) String ifMatch) {
        ServiceTiers.requireMayEdit();
        return respond(HttpStatus.OK, tiers.change(id, Versions.expected(ifMatch, request.version()),
                request.input()));
    }

    @DeleteMapping("/api/v1/service-tiers/{id}")
    @Operation(summary = "Remove a service tier no key account has (HEAD, DIRECTOR, ADMIN); 409 while one has it")
    ResponseEntity<Void> remove(@PathVariable UUID id, @RequestParam(required = false) Long version,
            @RequestHeader(value = Versions.IF_MATCH, required = false) String ifMatch) {
        ServiceTiers.requireMayEdit();
        tiers.remove(id, Versions.expected(ifMatch, version));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ServiceTier> respond(HttpStatus status, ServiceTier tier) {
        return ResponseEntity.status(status).header(HttpHeaders.ETAG, Versions.etag(tier.version())).body(tier);
    }
}
