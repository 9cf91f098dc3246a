package org.clientela.clients.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clientela.clients.Dossier;
import org.clientela.clients.internal.DossierService;
import org.clientela.platform.Versions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A company's dossier: what we know of its business, and a prospect's research notes. */
@RestController
@RequestMapping("/api/v1/companies/{companyId}/dossier")
@Tag(name = "Companies")
class DossierController {

    private final DossierService dossiers;

    DossierController(DossierService dossiers) {
        this.dossiers = dossiers;
    }

    @GetMapping
    @Operation(summary = "The dossier of a company; version 0 while nobody has written it")
    ResponseEntity<Dossier> dossier(@PathVariable UUID companyId) {
        Dossier dossier = dossiers.dossier(companyId);
        return ResponseEntity.ok().eTag(Versions.etag(dossier.version())).body(dossier);
    }

    @PutMapping
    @Operation(summary = "Rewrite the dossier; needs If-Match or version (0 for the first write)")
    ResponseEntity<Dossier> write(@PathVariable UUID companyId,
            @Parameter(description = "The ETag of the version last seen, e.g. \"3\"")
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @RequestBody DossierRequest request) {
        Dossier written = dossiers.write(companyId, Versions.expected(ifMatch, request.version()), request.toDossier());
        return ResponseEntity.ok().eTag(Versions.etag(written.version())).body(written);
    }

    @Schema(name = "DossierRequest")
    record DossierRequest(@Schema(description = "The client's yearly revenue, roubles") BigDecimal annualRevenue,
            Integer staffSize, String businessHistory, String needs, String developmentPlans, String interests,
            String purchaseMotives, String audienceSegment, List<Dossier.KeyDate> keyDates,
            @Schema(description = "The version last seen (or send If-Match)") Long version) {

        Dossier toDossier() {
            return new Dossier(annualRevenue, staffSize, businessHistory, needs, developmentPlans, interests,
                    purchaseMotives, audienceSegment, keyDates, 0, null, null);
        }
    }
}
