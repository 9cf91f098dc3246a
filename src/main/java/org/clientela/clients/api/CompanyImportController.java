package org.clientela.clients.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clientela.clients.internal.CompanyImport;
import org.clientela.clients.internal.ImportReport;
import org.clientela.platform.ApiProblems;
import org.clientela.platform.ApiProblems.FieldError;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Import of companies and their contact persons from a CSV or XLSX file, all or nothing. */
@RestController
@RequestMapping("/api/v1/companies/import")
@Tag(name = "Companies")
class CompanyImportController {

    private final CompanyImport imports;
    private final ApiProblems problems;
    private final JsonMapper json;

    CompanyImportController(CompanyImport imports, ApiProblems problems, JsonMapper json) {
        this.imports = imports;
        this.problems = problems;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import companies (and one contact person per row) from CSV or XLSX",
            description = """
                    The file (multipart part `file`): CSV in UTF-8 or Windows-1251, separated by `;` or `,`, \
                    or XLSX (its first sheet). The first row names the columns: a company field's label in \
                    Russian or English or its field name (name, legalForm, inn, kpp, ogrn, legalAddress, \
                    deliveryAddress, bik, bankName, settlementAccount, correspondentAccount, segment, region, \
                    size, source, status, lostReason, owner, tags) and a contact's (fullName, position, \
                    decisionRole, phones, emails); name and INN are required. Rows of one INN and KPP are one \
                    company with several contacts. Every row is checked as a company typed in by hand; rows \
                    are numbered as in a spreadsheet, the header being row 1.
                    
                    Answers: `dryRun=true` → 200 with the report, nothing written. Otherwise, when no row has \
                    a problem and no company is already in the client base → 200 with the report and \
                    `committed: true`, all rows written in one transaction; else 422 \
                    `application/problem+json` with the report as `report` and nothing written. A file \
                    that is not a CSV or XLSX answers 415, one without the required columns 400, each with \
                    the reason at the field `file`. The report lists the first 1000 problems and \
                    duplicates and counts all.""")
    @ApiResponse(responseCode = "200", description = "The report; committed when written")
    @ApiResponse(responseCode = "422", description = "Problems in rows: nothing written; the report in `report`")
    ResponseEntity<?> importFile(@RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @Parameter(description = "Optional: which field each column fills, as JSON from the file's "
                    + "header to a field name, e.g. {\"Организация\": \"name\", \"Телефон\": \"phones\"}; "
                    + "an empty field ignores the column. Columns not named go by their header.")
            @RequestParam(required = false) String mapping) {
        Path upload = null;
        try {
            upload = Files.createTempFile("clientela-import-", ".upload");
            file.transferTo(upload);
            String name = file.getOriginalFilename();
            Map<Integer, String> columns = columns(upload, mapping);
            ImportReport report = dryRun
                    ? imports.check(upload, name, columns, LocaleContextHolder.getLocale(), null)
                    : imports.importFile(upload, name, columns, LocaleContextHolder.getLocale(), null);
            if (dryRun || report.committed()) {
                return ResponseEntity.ok(report);
            }
            ProblemDetail problem = problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "clients.import.notWritten",
                    report.problemCount(), report.duplicateCount());
            problem.setProperty("report", report);
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(ApiProblems.PROBLEM_JSON)
                    .body(problem);
        } catch (CompanyImport.FileRefused refused) {
            HttpStatus status = refused.unsupported() ? HttpStatus.UNSUPPORTED_MEDIA_TYPE : HttpStatus.BAD_REQUEST;
            ProblemDetail problem = problems.problem(status, "clients.import.fileRefused",
                    List.of(new FieldError("file", refused.getMessage())));
            return ResponseEntity.status(status).contentType(ApiProblems.PROBLEM_JSON).body(problem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(upload);
        }
    }

    /** The JSON mapping by header turned into one by column; {@code null} to go by the headers alone. */
    private Map<Integer, String> columns(Path upload, String mapping) {
        if (mapping == null || mapping.isBlank()) {
            return null;
        }
        Map<String, String> byHeader;
        try {
            byHeader = json.readValue(mapping, new TypeReference<Map<String, String>>() { });
        } catch (JacksonException e) {
            throw new org.clientela.shared.InvalidInputException("mapping", "clients.import.mapping.notJson");
        }
        List<String> headers = imports.headers(upload, LocaleContextHolder.getLocale());
        Map<Integer, String> columns = new LinkedHashMap<>(imports.suggestedMapping(headers));
        for (Map.Entry<String, String> given : byHeader.entrySet()) {
            int index = headers.indexOf(given.getKey().strip());
            if (index < 0) {
                throw new org.clientela.shared.InvalidInputException("mapping", "clients.import.mapping.noSuchHeader",
                        given.getKey());
            }
            // a field named explicitly leaves the column its header suggested
            columns.values().removeIf(field -> field.equals(given.getValue()));
            columns.put(index, given.getValue() == null ? "" : given.getValue());
        }
        return columns;
    }

    private static void delete(Path upload) {
        if (upload != null) {
            try {
                Files.deleteIfExists(upload);
            } catch (IOException ignored) {
                // a temporary file: the system's cleaning removes it if we cannot
            }
        }
    }
}
