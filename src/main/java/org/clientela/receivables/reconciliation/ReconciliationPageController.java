package org.clientela.receivables.reconciliation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.clients.VisibleCompanies;
import org.clientela.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The statement as a page of the Russian form, with its period chosen on it, and its PDF for a
 * browser (which cannot ask the API for it with its session).
 */
@Controller
class ReconciliationPageController {

    static final String VIEW = "receivables/reconciliation";

    private final ReconciliationStatements statements;
    private final StatementPdf pdf;
    private final VisibleCompanies companies;
    private final OurCompany ours;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    ReconciliationPageController(ReconciliationStatements statements, StatementPdf pdf, VisibleCompanies companies,
            OurCompany ours, MessageSource messages, Clock clock,
            @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.statements = statements;
        this.pdf = pdf;
        this.companies = companies;
        this.ours = ours;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    /** Without a period: from the first of the year to today, the period a client asks for most. */
    @GetMapping("/companies/{id}/reconciliation")
    String page(@PathVariable UUID id, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Locale locale, Model model) {
        model.addAttribute("company", companies.company(new CompanyId(id)));
        LocalDate today = LocalDate.now(clock.withZone(zone));
        String start = from == null ? today.withDayOfYear(1).toString() : from;
        String end = to == null ? today.toString() : to;
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("ourCompany", ours);
        Map<String, String> errors = new HashMap<>();
        try {
            model.addAttribute("statement", statements.statement(new CompanyId(id), start, end));
        } catch (InvalidInputException exception) {
            exception.problems().forEach(problem -> errors.merge(problem.field(),
                    messages.getMessage(problem.messageKey(), problem.arguments(), locale),
                    (first, second) -> first + " " + second));
        }
        model.addAttribute("errors", errors);
        return VIEW;
    }

    /** A period the page would refuse goes back to the page, which says what is wrong with it. */
    @GetMapping("/companies/{id}/reconciliation/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Locale locale) {
        ReconciliationStatement statement;
        try {
            statement = statements.statement(new CompanyId(id), from, to);
        } catch (InvalidInputException exception) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(UriComponentsBuilder
                    .fromPath("/companies/{id}/reconciliation").queryParamIfPresent("from", Optional.ofNullable(from))
                    .queryParamIfPresent("to", Optional.ofNullable(to)).encode().buildAndExpand(id).toUri()).build();
        }
        return pdfResponse(statement, pdf.render(statement, locale));
    }

    static ResponseEntity<byte[]> pdfResponse(ReconciliationStatement statement, byte[] document) {
        String file = "akt-sverki-" + statement.buyer().inn() + "-" + statement.from() + "-" + statement.to() + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(document);
    }
}
