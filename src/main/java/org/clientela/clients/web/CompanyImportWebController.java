package org.clientela.clients.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.clientela.clients.internal.CompanyImport;
import org.clientela.clients.internal.ImportColumns;
import org.clientela.clients.internal.ImportProgress;
import org.clientela.clients.internal.ImportReport;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Import of a file through the screens: upload it, say which field each column fills (the
 * headers suggest it), see every row's result, then write it all, with a progress bar while a
 * large file is being written.
 */
@Controller
@RequestMapping(CompanyImportWebController.PATH)
class CompanyImportWebController {

    static final String PATH = "/companies/import";
    static final int PROBLEMS_PER_PAGE = 50;

    private final CompanyImport imports;
    private final ImportColumns columns;
    private final ImportUploads uploads;

    CompanyImportWebController(CompanyImport imports, ImportColumns columns, ImportUploads uploads) {
        this.imports = imports;
        this.columns = columns;
        this.uploads = uploads;
    }

    @GetMapping
    String uploadForm() {
        return "clients/import-upload";
    }

    @PostMapping
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
            HttpServletResponse response) {
        if (file == null || file.isEmpty()) {
            return refused(model, response, "clients.import.file.empty");
        }
        Path stored;
        try {
            stored = Files.createTempFile("clientela-import-", ".upload");
            file.transferTo(stored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            List<String> headers = imports.headers(stored, locale());
            ImportUploads.Upload upload = uploads.add(stored, file.getOriginalFilename(), headers,
                    imports.suggestedMapping(headers));
            return "redirect:" + PATH + "/" + upload.id;
        } catch (CompanyImport.FileRefused refused) {
            ImportUploads.delete(stored);
            model.addAttribute("fileError", refused.getMessage());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "clients/import-upload";
        }
    }

    private String refused(Model model, HttpServletResponse response, String key) {
        model.addAttribute("fileErrorKey", key);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "clients/import-upload";
    }

    @GetMapping("/{id}")
    String mapping(@PathVariable String id, Model model) {
        ImportUploads.Upload upload = uploads.get(id);
        model.addAttribute("upload", upload);
        model.addAttribute("targets", columns.targets());
        return "clients/import-mapping";
    }

    /** The mapping as the form posts it, {@code column.<index>=<field>}, then every row checked. */
    @PostMapping("/{id}")
    String check(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response) {
        ImportUploads.Upload upload = uploads.get(id);
        if (upload.state != null) {
            return "redirect:" + PATH + "/" + id + "/preview";
        }
        Map<Integer, String> mapping = new LinkedHashMap<>();
        for (int i = 0; i < upload.headers.size(); i++) {
            mapping.put(i, form.getOrDefault("column." + i, ""));
        }
        upload.mapping = mapping;
        try {
            upload.report = imports.check(upload.file, upload.fileName, mapping, locale(), null);
            upload.state = ImportUploads.State.CHECKED;
            return "redirect:" + PATH + "/" + id + "/preview";
        } catch (CompanyImport.FileRefused refused) {
            model.addAttribute("upload", upload);
            model.addAttribute("targets", columns.targets());
            model.addAttribute("mappingError", refused.getMessage());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "clients/import-mapping";
        }
    }

    @GetMapping("/{id}/preview")
    String preview(@PathVariable String id, @RequestParam(defaultValue = "0") int page, Model model) {
        ImportUploads.Upload upload = uploads.get(id);
        if (upload.report == null) {
            return "redirect:" + PATH + "/" + id;
        }
        List<ImportReport.RowProblem> problems = upload.report.problems();
        int pages = Math.max(1, (problems.size() + PROBLEMS_PER_PAGE - 1) / PROBLEMS_PER_PAGE);
        int shown = Math.min(Math.max(page, 0), pages - 1);
        model.addAttribute("upload", upload);
        model.addAttribute("report", upload.report);
        model.addAttribute("problems", problems.subList(shown * PROBLEMS_PER_PAGE,
                Math.min(problems.size(), (shown + 1) * PROBLEMS_PER_PAGE)));
        model.addAttribute("page", shown);
        model.addAttribute("pages", pages);
        return "clients/import-preview";
    }

    @PostMapping("/{id}/commit")
    String commit(@PathVariable String id) {
        ImportUploads.Upload upload = uploads.get(id);
        if (upload.state == ImportUploads.State.CHECKED && upload.report.valid()) {
            Locale locale = locale();
            upload.progress = new ImportProgress(upload.report.rows());
            uploads.write(upload, () -> upload.report = imports.importFile(upload.file, upload.fileName,
                    upload.mapping, locale, upload.progress));
        }
        return "redirect:" + PATH + "/" + id + "/progress";
    }

    /** The progress page; to htmx, the bar alone, which asks again every second until the import ends. */
    @GetMapping("/{id}/progress")
    String progress(@PathVariable String id, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        ImportUploads.Upload upload = uploads.get(id);
        if (upload.progress == null) {
            return "redirect:" + PATH + "/" + id + "/preview";
        }
        // the state first: the report is final once the state says writing is over
        boolean writing = upload.writing();
        model.addAttribute("writing", writing);
        model.addAttribute("upload", upload);
        model.addAttribute("report", upload.report);
        return htmx == null ? "clients/import-progress" : "clients/import-progress :: progress";
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
