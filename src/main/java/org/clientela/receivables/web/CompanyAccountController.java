package org.clientela.receivables.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.clientela.clients.CompanyId;
import org.clientela.clients.CompanySection;
import org.clientela.clients.CompanyView;
import org.clientela.clients.VisibleCompanies;
import org.clientela.platform.FormErrors;
import org.clientela.receivables.internal.InvoiceService;
import org.clientela.receivables.internal.PaymentInput;
import org.clientela.receivables.internal.PaymentService;
import org.clientela.receivables.internal.PaymentView;
import org.clientela.receivables.internal.ReceivablesReports;
import org.clientela.shared.InvalidInputException;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ResponseStatusException;

/**
 * The section «Расчёты» of the company page: the client's balance today, what is overdue, its
 * credit, its unpaid invoices and latest payments, and a form to record a payment (for the credit
 * controller, the management, the administrator and the client's manager).
 */
@Controller
class CompanyAccountController {

    static final String SECTION = "receivables/fragments :: companyAccount";
    static final int LATEST_PAYMENTS = 10;

    private final VisibleCompanies companies;
    private final ReceivablesReports reports;
    private final InvoiceService invoices;
    private final PaymentService payments;

    CompanyAccountController(VisibleCompanies companies, ReceivablesReports reports, InvoiceService invoices,
            PaymentService payments) {
        this.companies = companies;
        this.reports = reports;
        this.invoices = invoices;
        this.payments = payments;
    }

    /** A payment as the form posts it; the date prefilled with today. */
    record PaymentForm(String date, String amount, String reference, String purpose, String invoiceNumber,
            Boolean advance) {
    }

    @GetMapping("/companies/{id}/receivables")
    String section(@PathVariable UUID id, Model model) {
        CompanyView company = companies.company(new CompanyId(id));
        return section(company, emptyForm(), model);
    }

    private PaymentForm emptyForm() {
        return new PaymentForm(reports.today().toString(), "", "", "", "", false);
    }

    /**
     * Records a payment; the section comes back in place with the outcome, the refusals at their
     * fields. The company's visibility is checked first: nobody learns of a hidden company from a 403.
     */
    @PostMapping("/companies/{id}/receivables/payments")
    String record(@PathVariable UUID id, @ModelAttribute("paymentForm") PaymentForm form, BindingResult result,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response) {
        CompanyView company = companies.company(new CompanyId(id));
        if (!PaymentService.mayRecord(company)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        try {
            PaymentView payment = payments.record(new PaymentInput(id.toString(), form.date(), form.amount(), null,
                    form.reference(), form.purpose(), form.invoiceNumber(), Boolean.TRUE.equals(form.advance())),
                    PaymentService.Source.MANUAL);
            if (htmx == null) {
                return "redirect:/companies/" + id;
            }
            model.addAttribute("recorded", payment);
            model.addAttribute("paymentForm", emptyForm());
            return section(company, model);
        } catch (InvalidInputException refused) {
            FormErrors.reject(result, refused);
            // htmx swaps only a successful answer: the form with its messages comes as one
            if (htmx == null) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
            }
            return section(company, model);
        }
    }

    private String section(CompanyView company, PaymentForm form, Model model) {
        model.addAttribute("paymentForm", form);
        return section(company, model);
    }

    private String section(CompanyView company, Model model) {
        model.addAttribute("company", company);
        model.addAttribute("balance", reports.balance(company.id(), reports.today()));
        model.addAttribute("openInvoices", invoices.openOf(company.id()));
        model.addAttribute("payments", payments.latest(company.id(), LATEST_PAYMENTS));
        model.addAttribute("today", reports.today());
        model.addAttribute("mayRecord", PaymentService.mayRecord(company));
        return SECTION;
    }

    @Bean
    static CompanySection companyAccountSection() {
        return CompanySection.of("receivables.section.heading", 250, "/companies/{id}/receivables");
    }
}
