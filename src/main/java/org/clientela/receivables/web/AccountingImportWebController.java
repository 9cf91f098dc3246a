package org.clientela.receivables.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.Role;
import org.clientela.receivables.internal.AccountingImport;
import org.clientela.receivables.internal.AccountingImportReport;
import org.clientela.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Import of payments or invoices from the accounting system through the screens: upload the file,
 * see every row's result, then import it — for the credit controller, the management and the
 * administrator.
 */
@Controller
@RequestMapping(AccountingImportWebController.PATH)
class AccountingImportWebController {

    static final String PATH = "/receivables/import";

    private final AccountingImport imports;
    private final PendingImports pending;
    private final MessageSource messages;

    AccountingImportWebController(AccountingImport imports, PendingImports pending, MessageSource messages) {
        this.imports = imports;
        this.pending = pending;
        this.messages = messages;
    }

    /** Who may import: as the service's {@code @PreAuthorize} says; others get a plain 403 page. */
    static boolean mayImport() {
        return CurrentUser.find().map(user -> user.hasAny(Role.CREDIT_CONTROLLER, Role.HEAD, Role.DIRECTOR,
                Role.ADMIN)).orElse(false);
    }

    private static void requireMayImport() {
        if (!mayImport()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    @GetMapping
    String uploadForm(@RequestParam(defaultValue = "PAYMENTS") String kind, Model model) {
        requireMayImport();
        model.addAttribute("kind", kind);
        return "receivables/import-upload";
    }

    @PostMapping
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "PAYMENTS") String kind, Model model, Locale locale,
            HttpServletResponse response) {
        requireMayImport();
        AccountingImport.Kind what;
        try {
            what = AccountingImport.Kind.of(kind);
        } catch (InvalidInputException unknown) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("kind", AccountingImport.Kind.PAYMENTS.name());
            model.addAttribute("fileError", messages.getMessage(unknown.messageKey(), unknown.arguments(), locale));
            return "receivables/import-upload";
        }
        model.addAttribute("kind", what.name());
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileErrorKey", "import.file.empty");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "receivables/import-upload";
        }
        Path stored;
        try {
            stored = Files.createTempFile("clientela-accounting-", ".upload");
            file.transferTo(stored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            AccountingImportReport report = imports.check(stored, file.getOriginalFilename(), what, locale);
            PendingImports.Pending upload = pending.add(stored, file.getOriginalFilename(), what);
            upload.report = report;
            return "redirect:" + PATH + "/" + upload.id;
        } catch (AccountingImport.FileRefused refused) {
            PendingImports.delete(stored);
            model.addAttribute("fileError", refused.getMessage());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "receivables/import-upload";
        }
    }

    /**
     * Every row's result: to be imported, a duplicate to skip, or a problem at its column; after the
     * import, what was written.
     */
    @GetMapping("/{id}")
    String preview(@PathVariable String id, Model model) {
        requireMayImport();
        PendingImports.Pending upload = pending.get(id);
        model.addAttribute("uploadId", upload.id);
        model.addAttribute("report", upload.report);
        return "receivables/import-preview";
    }

    @PostMapping("/{id}/commit")
    String commit(@PathVariable String id, Locale locale) {
        requireMayImport();
        PendingImports.Pending upload = pending.get(id);
        if (upload.report.valid() && !upload.report.committed()) {
            upload.report = imports.importFile(upload.file, upload.fileName, upload.kind, locale);
            if (upload.report.committed()) {
                pending.done(upload);
            }
        }
        return "redirect:" + PATH + "/" + id;
    }
}
