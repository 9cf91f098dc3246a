package org.clientela.clients.api;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clientela.clients.CompanyQuery;
import org.clientela.clients.CompanySource;
import org.clientela.clients.CompanyStatus;
import org.clientela.clients.CompanyView;
import org.clientela.clients.internal.CompanyExport;
import org.clientela.clients.internal.CompanyService;
import org.clientela.platform.Versions;
import org.clientela.shared.PageResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The client base: the companies the caller may see. */
@RestController
@RequestMapping("/api/v1/companies")
@Tag(name = "Companies", description = "The client base: companies within the caller's access")
class CompanyController {

    private final CompanyService companies;
    private final CompanyExport export;

    CompanyController(CompanyService companies, CompanyExport export) {
        this.companies = companies;
        this.export = export;
    }

    @GetMapping
    @Operation(summary = "The companies the caller may see",
            description = "q: a name fragment (legal forms and quotes ignored), the beginning of an INN, "
                    + "or a contact's name fragment, phone (any formatting) or e-mail. "
                    + "Sortable by name, inn, status, region, segment, createdAt.")
    PageResponse<CompanyView> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) CompanyStatus status, @RequestParam(required = false) String segment,
            @RequestParam(required = false) String region, @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) String tag, @RequestParam(required = false) CompanySource source,
            @ParameterObject Pageable pageable) {
        return companies.list(new CompanyQuery(q, status, segment, region, ownerId, tag, source), pageable);
    }

    @GetMapping("/export")
    @Operation(summary = "Export every company of the list's filters to XLSX or CSV; recorded in the audit log",
            description = "The same filters and search as the list, all pages. Headers and labels in the "
                    + "language of Accept-Language. CSV: UTF-8 with BOM, ';' between cells, CRLF. "
                    + "Sortable like the list, e.g. sort=name,desc.")
    void export(@Parameter(description = "xlsx or csv") @RequestParam(defaultValue = "xlsx") String format,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) CompanyStatus status, @RequestParam(required = false) String segment,
            @RequestParam(required = false) String region, @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) String tag, @RequestParam(required = false) CompanySource source,
            @Parameter(hidden = true) Sort sort, Locale locale, HttpServletResponse response) throws IOException {
        CompanyExport.Format chosen = CompanyExport.Format.of(format);
        Sort checked = export.checkedSort(sort);
        response.setContentType(chosen.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, export.contentDisposition(chosen));
        export.export(new CompanyQuery(q, status, segment, region, ownerId, tag, source), checked, chosen, locale,
                response.getOutputStream());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a company; a duplicate INN/KPP answers 409")
    ResponseEntity<CompanyView> create(@RequestBody CompanyRequest request) {
        CompanyView created = companies.create(request.toInput());
        return ResponseEntity.created(URI.create("/api/v1/companies/" + created.id()))
                .eTag(Versions.etag(created.version())).body(created);
    }

    /**
     * A duplicate merged into another company answers 200 with itself, archived, and
     * {@code mergedInto}, rather than a redirect: its id still names a record with a history, a
     * client that followed a redirect silently would take the survivor's version for the
     * duplicate's, and a redirected PATCH or DELETE would change the survivor.
     */
    @GetMapping("/{id}")
    @Operation(summary = "One company; its version is the ETag",
            description = "A duplicate merged into another company is answered archived, with mergedInto: "
                    + "the id of the company it became.")
    ResponseEntity<CompanyView> company(@PathVariable UUID id) {
        CompanyView company = companies.companyOrMerged(id);
        return ResponseEntity.ok().eTag(Versions.etag(company.version())).body(company);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change the given fields; needs If-Match or version")
    ResponseEntity<CompanyView> update(@PathVariable UUID id,
            @Parameter(description = "The ETag of the version last seen, e.g. \"3\"")
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @RequestBody CompanyRequest request) {
        CompanyView updated = companies.update(id, Versions.expected(ifMatch, request.version()), request.toInput());
        return ResponseEntity.ok().eTag(Versions.etag(updated.version())).body(updated);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Archive a company (its history and references stay)")
    void archive(@PathVariable UUID id) {
        companies.archive(id);
    }
}
