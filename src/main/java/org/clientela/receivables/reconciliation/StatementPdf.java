package org.clientela.receivables.reconciliation;

import java.util.Locale;
import java.util.Map;

import org.clientela.platform.PdfDocuments;
import org.springframework.stereotype.Component;

/** The statement as a PDF: the page's own template, laid out by the platform's {@link PdfDocuments}. */
@Component
class StatementPdf {

    private static final String TEMPLATE = "receivables/reconciliation-pdf";

    private final PdfDocuments documents;
    private final OurCompany ours;

    StatementPdf(PdfDocuments documents, OurCompany ours) {
        this.documents = documents;
        this.ours = ours;
    }

    byte[] render(ReconciliationStatement statement, Locale locale) {
        return documents.render(TEMPLATE, Map.of("statement", statement, "ourCompany", ours), locale);
    }
}
