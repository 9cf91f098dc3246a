package org.clientela.receivables.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clientela.platform.ApiProblems;
import org.clientela.platform.ApiProblems.FieldError;
import org.clientela.receivables.internal.AccountingImport;
import org.clientela.receivables.internal.AccountingImportReport;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Payments and invoices from the accounting system, as CSV or XLSX, all or nothing. */
@RestController
@Tag(name = "Import from the accounting system")
class AccountingImportController {

    private static final String ANSWERS = """
            The file (multipart part `file`): CSV in UTF-8 or Windows-1251, separated by `;` or `,`, or XLSX (its \
            first sheet); the first row names the columns in Russian or English or by field name. Each row's \
            client is found by its INN (and KPP, needed where one INN has several clients). Rows are numbered as \
            in a spreadsheet, the header being row 1.

            Answers: `dryRun=true` → 200 with the report, nothing written. Otherwise, when no row has a problem → \
            200 with the report and `committed: true`, every row written in one transaction except duplicates \
            (already recorded: reported, skipped); else 422 `application/problem+json` with the report as \
            `report` and nothing written. A file that is not a CSV or XLSX answers 415, one without a required \
            column 400, each with the reason at the field `file`. For the credit controller, head, director and \
            administrator.""";

    private final AccountingImport imports;
    private final ApiProblems problems;

    AccountingImportController(AccountingImport imports, ApiProblems problems) {
        this.imports = imports;
        this.problems = problems;
    }

    @PostMapping(path = "/api/v1/payments/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import payments (a bank statement) from CSV or XLSX", description = """
            Columns: date (Дата), reference (Номер п/п), inn (ИНН плательщика), kpp (КПП плательщика), amount \
            (Сумма), purpose (Назначение платежа); optional invoiceNumber (Номер счёта) and advance (Аванс: да/нет). \
            Each payment is allocated as one entered by hand, in the order of the dates; one larger than its \
            client's debts is refused unless marked as an advance. A payment already recorded (the same client, \
            date, payment order number and amount) is a duplicate.

            """ + ANSWERS)
    @ApiResponse(responseCode = "200", description = "The report; committed when written")
    @ApiResponse(responseCode = "422", description = "Problems in rows: nothing written; the report in `report`")
    ResponseEntity<?> importPayments(@RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        return run(file, dryRun, AccountingImport.Kind.PAYMENTS);
    }

    @PostMapping(path = "/api/v1/invoices/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import invoices from CSV or XLSX", description = """
            Columns: number (Номер счёта), issueDate (Дата счёта), dueDate (Срок оплаты; blank: the client's \
            payment terms), inn (ИНН), kpp (КПП), amount (Сумма с НДС), vatAmount (НДС). An invoice whose number \
            is there already for the same client, date and amount is a duplicate; a number taken by another \
            invoice is a problem. A client with credit has its new invoices paid from it.

            """ + ANSWERS)
    @ApiResponse(responseCode = "200", description = "The report; committed when written")
    @ApiResponse(responseCode = "422", description = "Problems in rows: nothing written; the report in `report`")
    ResponseEntity<?> importInvoices(@RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        return run(file, dryRun, AccountingImport.Kind.INVOICES);
    }

    private ResponseEntity<?> run(MultipartFile file, boolean dryRun, AccountingImport.Kind kind) {
        Path upload = null;
        try {
            upload = Files.createTempFile("clientela-accounting-", ".upload");
            file.transferTo(upload);
            AccountingImportReport report = dryRun
                    ? imports.check(upload, file.getOriginalFilename(), kind, LocaleContextHolder.getLocale())
                    : imports.importFile(upload, file.getOriginalFilename(), kind, LocaleContextHolder.getLocale());
            if (dryRun || report.committed()) {
                return ResponseEntity.ok(report);
            }
            ProblemDetail problem = problems.problem(HttpStatus.UNPROCESSABLE_CONTENT,
                    "receivables.import.notWritten", report.problemCount());
            problem.setProperty("report", report);
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(ApiProblems.PROBLEM_JSON)
                    .body(problem);
        } catch (AccountingImport.FileRefused refused) {
            HttpStatus status = refused.unsupported() ? HttpStatus.UNSUPPORTED_MEDIA_TYPE : HttpStatus.BAD_REQUEST;
            ProblemDetail problem = problems.problem(status, "receivables.import.fileRefused",
                    List.of(new FieldError("file", refused.getMessage())));
            return ResponseEntity.status(status).contentType(ApiProblems.PROBLEM_JSON).body(problem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (upload != null) {
                try {
                    Files.deleteIfExists(upload);
                } catch (IOException ignored) {
                    // a temporary file: the system's cleaning removes it if we cannot
                }
            }
        }
    }
}
