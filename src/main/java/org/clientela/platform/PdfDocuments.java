package org.clientela.platform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * A Thymeleaf template rendered to XHTML, then laid out as a PDF by openhtmltopdf (the
 * reconciliation statement, the meeting brief). DejaVu Sans is embedded (as a subset of the glyphs
 * used) under the family name {@value #FONT_FAMILY}, which the templates' styles name: the PDF's
 * standard fonts have no Cyrillic, and a reader without the font would show nothing of the text.
 * <p>
 * The font is loaded once, without its glyph substitution table (GSUB): PDFBox applies those rules
 * to every string it shows, for ligatures and scripts a statement never needs, and that took a
 * sixth of the time of a long statement.
 */
@Component
public class PdfDocuments {

    public static final String FONT_FAMILY = "DejaVu Sans";

    /** The tables a TrueType font needs to be drawn and embedded: all but the layout ones (GSUB, GPOS, GDEF, kern). */
    private static final List<String> DRAWING_TABLES = List.of("head", "hhea", "maxp", "loca", "glyf", "hmtx", "cmap",
            "name", "OS/2", "post", "cvt ", "prep", "fpgm", "gasp");

    /**
     * What a document is written in: Latin, Greek and Cyrillic letters, punctuation, currency signs
     * (₽), letterlike symbols (№), arrows and mathematical signs. Fewer glyphs make a smaller font for
     * PDFBox to read on every document; a character outside these would print as a blank.
     */
    private static final int[][] SCRIPTS = { { 0x0020, 0x024F }, { 0x0370, 0x03FF }, { 0x0400, 0x052F },
            { 0x2000, 0x206F }, { 0x20A0, 0x20CF }, { 0x2100, 0x214F }, { 0x2190, 0x21FF }, { 0x2200, 0x22FF } };

    private final ITemplateEngine templates;
    private final ApplicationContext application;
    private final byte[] regular;
    private final byte[] bold;

    PdfDocuments(ITemplateEngine templates, ApplicationContext application) {
        this.templates = templates;
        this.application = application;
        this.regular = font("fonts/DejaVuSans.ttf");
        this.bold = font("fonts/DejaVuSans-Bold.ttf");
    }

    /** The template (well-formed XHTML) with the variables, in the locale's messages, as a PDF. */
    public byte[] render(String template, Map<String, Object> variables, Locale locale) {
        Context context = new Context(locale, variables);
        // lets the template reach beans such as @fmt outside a web request's view rendering
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        String xhtml = templates.process(template, context);
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
        try (InputStream in = new ClassPathResource(path).getInputStream();
                TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in))) {
            TTFSubsetter withoutSubstitutions = new TTFSubsetter(font, DRAWING_TABLES);
            for (int[] range : SCRIPTS) {
                for (int codePoint = range[0]; codePoint <= range[1]; codePoint++) {
                    withoutSubstitutions.add(codePoint);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            withoutSubstitutions.writeToStream(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The font " + path + " is missing from the application or unreadable", e);
        }
    }
}
