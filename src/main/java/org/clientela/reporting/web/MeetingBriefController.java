package org.clientela.reporting.web;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.clientela.platform.PdfDocuments;
import org.clientela.reporting.internal.MeetingBrief;
import org.clientela.reporting.internal.MeetingBriefs;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * «Справка к встрече»: the meeting brief of a client as a printable page, each part linked to the
 * page it comes from, and the same brief as a PDF to take along. A company the user may not see
 * answers 404, the page and the PDF alike.
 */
@Controller
class MeetingBriefController {

    static final String PAGE = "reporting/brief";
    static final String PDF = "reporting/brief-pdf";

    private final MeetingBriefs briefs;
    private final PdfDocuments documents;

    MeetingBriefController(MeetingBriefs briefs, PdfDocuments documents) {
        this.briefs = briefs;
        this.documents = documents;
    }

    @GetMapping("/companies/{id}/brief")
    String page(@PathVariable UUID id, Locale locale, Model model) {
        model.addAttribute("brief", briefs.of(id, locale));
        return PAGE;
    }

    @GetMapping("/companies/{id}/brief.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, Locale locale) {
        MeetingBrief brief = briefs.of(id, locale);
        byte[] document = documents.render(PDF, Map.of("brief", brief), locale);
        String file = "spravka-" + brief.company().inn() + "-" + brief.asOf() + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(file).build().toString())
                .body(document);
    }
}
