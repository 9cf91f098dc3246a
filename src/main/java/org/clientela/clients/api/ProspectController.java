package org.clientela.clients.api;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clientela.clients.CompanySource;
import org.clientela.clients.CompanyView;
import org.clientela.clients.ProspectResearch;
import org.clientela.clients.ProspectView;
import org.clientela.clients.internal.CompanyService;
import org.clientela.clients.internal.DossierService;
import org.clientela.clients.internal.Prospects;
import org.clientela.platform.Versions;
import org.clientela.shared.PageResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Prospects (C6): the work list, their research notes, and their conversion into active clients. */
@RestController
@Tag(name = "Prospects", description = "Companies in status prospect: research and conversion")
class ProspectController {

    private final Prospects prospects;
    private final DossierService dossiers;
    private final CompanyService companies;

    ProspectController(Prospects prospects, DossierService dossiers, CompanyService companies) {
        this.prospects = prospects;
        this.dossiers = dossiers;
        this.companies = companies;
    }

    @GetMapping("/api/v1/prospects")
    @Operation(summary = "The prospects the caller may see, the longest untouched first",
            description = "Sortable by lastChange (default, ascending), name, region, segment.")
    PageResponse<ProspectView> list(@RequestParam(required = false) String segment,
            @RequestParam(required = false) String region, @RequestParam(required = false) CompanySource source,
            @ParameterObject Pageable pageable) {
        return prospects.list(segment, region, source, pageable);
    }

    @GetMapping("/api/v1/companies/{companyId}/research")
    @Operation(summary = "The research notes of a company; the version is the dossier's")
    ResponseEntity<ProspectResearch> research(@PathVariable UUID companyId) {
        ProspectResearch research = dossiers.research(companyId);
        return ResponseEntity.ok().eTag(Versions.etag(research.version())).body(research);
    }

    @PutMapping("/api/v1/companies/{companyId}/research")
    @Operation(summary = "Rewrite the research notes; needs If-Match or version (the dossier's, 0 at first)")
    ResponseEntity<ProspectResearch> writeResearch(@PathVariable UUID companyId,
            @Parameter(description = "The ETag of the version last seen, e.g. \"3\"")
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @RequestBody ResearchRequest request) {
        ProspectResearch written = dossiers.writeResearch(companyId, Versions.expected(ifMatch, request.version()),
                ProspectResearch.of(request.needs(), request.purchaseMotives(), request.audienceSegment(),
                        request.note()));
        return ResponseEntity.ok().eTag(Versions.etag(written.version())).body(written);
    }

    @PostMapping("/api/v1/companies/{companyId}/convert")
    @Operation(summary = "Convert a prospect into an active client by hand; needs If-Match or version",
            description = "A company that is no longer a prospect answers 409.")
    ResponseEntity<CompanyView> convert(@PathVariable UUID companyId,
            @Parameter(description = "The company's ETag last seen, e.g. \"3\"")
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) ConversionRequest request) {
        CompanyView converted = companies.convertToActive(companyId,
                Versions.expected(ifMatch, request == null ? null : request.version()));
        return ResponseEntity.ok().eTag(Versions.etag(converted.version())).body(converted);
    }

    @Schema(name = "ResearchRequest")
    record ResearchRequest(String needs, String purchaseMotives, String audienceSegment, String note,
            @Schema(description = "The dossier's version last seen (or send If-Match)") Long version) {
    }

    @Schema(name = "ConversionRequest")
    record ConversionRequest(@Schema(description = "The company's version last seen (or send If-Match)") Long version) {
    }
}
