package org.clientela.receivables.reconciliation;

import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The statement as a PDF: the page's own template rendered to XHTML, then laid out by
 * openhtmltopdf. DejaVu Sans is embedded (as a subset of the glyphs used): the PDF's standard
 * fonts have no Cyrillic, and a reader without the font would show nothing of the text.
 */
@Component
class StatementPdf {

    static final String FONT_FAMILY = "DejaVu Sans";
    private static final String TEMPLATE = "receivables/reconciliation-pdf";

    private final ITemplateEngine templates;
    private final ApplicationContext application;
    private final OurCompany ours;
    private final byte[] regular;
    private final byte[] bold;

    StatementPdf(ITemplateEngine templates, ApplicationContext application, OurCompany ours) {
        this.templates = templates;
        this.application = application;
        this.ours = ours;
        this.regular = font("fonts/DejaVuSans.ttf");
        this.bold = font("fonts/DejaVuSans-Bold.ttf");
    }

    byte[] render(ReconciliationStatement statement, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("statement", statement);
        context.setVariable("ourCompany", ours);
        // lets the template reach beans such as @fmt outside a web request's view rendering
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        String xhtml = templates.process(TEMPLATE, context);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            new PdfRendererBuilder()
                    .useFastMode()
                    .useFont(() -> stream(regular), FONT_FAMILY, 400, FontStyle.NORMAL, true)
                    .useFont(() -> stream(bold), FONT_FAMILY, 700, FontStyle.NORMAL, true)
                    .withHtmlContent(xhtml, null)
                    .toStream(pdf)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }

    private static InputStream stream(byte[] font) {
        return new ByteArrayInputStream(font);
    }

    private static byte[] font(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The font " + path + " is missing from the application", e);
        }
    }
}
