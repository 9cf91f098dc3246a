package org.clientela.keyaccounts.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.clientela.keyaccounts.AbcClass;
import org.clientela.keyaccounts.AbcXyzAnalysis;
import org.clientela.keyaccounts.ClassifiedCompany;
import org.clientela.keyaccounts.MatrixCell;
import org.clientela.keyaccounts.Measure;
import org.clientela.keyaccounts.XyzClass;
import org.clientela.keyaccounts.internal.AbcXyzAnalyses;
import org.clientela.keyaccounts.internal.AbcXyzExport;
import org.clientela.keyaccounts.internal.AbcXyzQuery;
import org.clientela.platform.NavigationEntry;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.PageResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * The ABC/XYZ page: the period, the measure and the thresholds; the Pareto chart and the matrix
 * (ECharts, each with its table: the matrix as a table, the clients as a paged table); a matrix
 * cell's link filters the table to it; the whole table exported to XLSX.
 */
@Controller
class AbcXyzPageController {

    static final String PATH = "/analytics/abc-xyz";
    static final int PAGE_SIZE = 50;
    private static final List<String> PARAMETERS = List.of("from", "to", "measure", "thresholdA", "thresholdB",
            "thresholdX", "thresholdY");

    private final AbcXyzAnalyses analyses;
    private final AbcXyzExport export;
    private final MessageSource messages;
    private final JsonMapper json;

    AbcXyzPageController(AbcXyzAnalyses analyses, AbcXyzExport export, MessageSource messages, JsonMapper json) {
        this.analyses = analyses;
        this.export = export;
        this.messages = messages;
        this.json = json;
    }

    /** A client's line of the table, with its place in the ABC order. */
    record Row(int rank, ClassifiedCompany company) {
    }

    @GetMapping(PATH)
    String page(@RequestParam Map<String, String> parameters, @RequestParam(required = false) String cell,
            @RequestParam(defaultValue = "0") int page, Model model, Locale locale, HttpServletResponse response) {
        model.addAttribute("marginsVisible", AbcXyzAnalyses.marginsVisible());
        model.addAttribute("measures", Measure.values());
        model.addAttribute("abcClasses", AbcClass.values());
        model.addAttribute("xyzClasses", XyzClass.values());
        AbcXyzQuery query;
        try {
            query = query(parameters);
        } catch (InvalidInputException wrong) {
            Map<String, String> errors = new LinkedHashMap<>();
            wrong.problems().forEach(problem -> errors.putIfAbsent(problem.field(),
                    messages.getMessage(problem.messageKey(), problem.arguments(), locale)));
            model.addAttribute("errors", errors);
            model.addAttribute("form", form(parameters, null));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "keyaccounts/abc-xyz";
        }
        AbcXyzAnalysis analysis = analyse(query);
        Map<String, String> form = form(parameters, query);
        String selected = cell(cell);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < analysis.companies().size(); i++) {
            ClassifiedCompany company = analysis.companies().get(i);
            if (selected == null || company.cell().equals(selected)) {
                rows.add(new Row(i + 1, company));
            }
        }
        int pageNumber = Math.max(page, 0);
        int fromIndex = (int) Math.min((long) pageNumber * PAGE_SIZE, rows.size());
        int toIndex = Math.min(fromIndex + PAGE_SIZE, rows.size());
        model.addAttribute("errors", Map.of());
        model.addAttribute("form", form);
        model.addAttribute("analysis", analysis);
        model.addAttribute("cell", selected);
        model.addAttribute("rows", PageResponse.of(rows.subList(fromIndex, toIndex), pageNumber, PAGE_SIZE,
                rows.size()));
        model.addAttribute("cellLinks", cellLinks(form, analysis));
        model.addAttribute("allLink", link(form, null, 0));
        model.addAttribute("previousLink", link(form, selected, pageNumber - 1));
        model.addAttribute("nextLink", link(form, selected, pageNumber + 1));
        model.addAttribute("exportLink", UriComponentsBuilder.fromPath(PATH + "/export")
                .queryParams(toParams(form)).encode().build().toUriString());
        model.addAttribute("pareto", json.writeValueAsString(pareto(analysis)));
        model.addAttribute("heatmap", json.writeValueAsString(heatmap(analysis, form)));
        return "keyaccounts/abc-xyz";
    }

    /** Every classified client of the analysis, whatever cell the page shows. */
    @GetMapping(PATH + "/export")
    void export(@RequestParam Map<String, String> parameters, Locale locale, HttpServletResponse response)
            throws IOException {
        AbcXyzAnalysis analysis;
        try {
            analysis = analyse(query(parameters));
        } catch (InvalidInputException wrong) {
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return;
        }
        response.setContentType(AbcXyzExport.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, export.contentDisposition(analysis));
        export.write(analysis, locale, response.getOutputStream());
    }

    /** The margin is refused with a plain 403 page, as the web side refuses an action one may not take. */
    private AbcXyzAnalysis analyse(AbcXyzQuery query) {
        if (query.measure() == Measure.MARGIN && !AbcXyzAnalyses.marginsVisible()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return analyses.analyseForCurrentUser(query);
    }

    private AbcXyzQuery query(Map<String, String> parameters) {
        return analyses.query(parameters.get("from"), parameters.get("to"), parameters.get("measure"),
                parameters.get("thresholdA"), parameters.get("thresholdB"), parameters.get("thresholdX"),
                parameters.get("thresholdY"));
    }

    /** The form's fields: as the query understood them, or as typed when it could not. */
    private Map<String, String> form(Map<String, String> parameters, AbcXyzQuery query) {
        Map<String, String> form = new LinkedHashMap<>();
        if (query != null) {
            form.put("from", query.from().toString());
            form.put("to", query.to().toString());
            form.put("measure", query.measure().code());
            form.put("thresholdA", plain(query.thresholds().a()));
            form.put("thresholdB", plain(query.thresholds().b()));
            form.put("thresholdX", plain(query.thresholds().x()));
            form.put("thresholdY", plain(query.thresholds().y()));
        } else {
            PARAMETERS.forEach(name -> form.put(name, parameters.getOrDefault(name, "")));
        }
        return form;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** {@code AX} … {@code CZ}, any case; anything else shows every cell. */
    private static String cell(String text) {
        if (text == null || text.strip().length() != 2) {
            return null;
        }
        String cell = text.strip().toUpperCase(Locale.ROOT);
        boolean known = List.of(AbcClass.values()).stream().anyMatch(abc -> abc.name().charAt(0) == cell.charAt(0))
                && List.of(XyzClass.values()).stream().anyMatch(xyz -> xyz.name().charAt(0) == cell.charAt(1));
        return known ? cell : null;
    }

    private static Map<String, String> cellLinks(Map<String, String> form, AbcXyzAnalysis analysis) {
        Map<String, String> links = new LinkedHashMap<>();
        analysis.matrix().forEach(cell -> links.put(cell.cell(), link(form, cell.cell(), 0)));
        return links;
    }

    private static String link(Map<String, String> form, String cell, int page) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(PATH)
                .queryParams(toParams(form));
        if (cell != null) {
            link.queryParam("cell", cell);
        }
        if (page > 0) {
            link.queryParam("page", page);
        }
        return link.encode().build().toUriString();
    }

    private static MultiValueMap<String, String> toParams(Map<String, String> form) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        form.forEach(params::add);
        return params;
    }

    /** The clients in the ABC order: their values as bars, the cumulative share as a line. */
    private static Map<String, Object> pareto(AbcXyzAnalysis analysis) {
        List<String> names = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        List<BigDecimal> cumulative = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (ClassifiedCompany company : analysis.companies()) {
            names.add(company.companyName());
            values.add(company.value());
            cumulative.add(company.cumulativeShare());
            classes.add(company.abc().name());
        }
        return Map.of("names", names, "values", values, "cumulative", cumulative, "classes", classes,
                "a", analysis.thresholds().a(), "b", analysis.thresholds().b());
    }

    /** The nine cells: x the XYZ class, y the ABC class (A on top), each with its count, share and link. */
    private static Map<String, Object> heatmap(AbcXyzAnalysis analysis, Map<String, String> form) {
        List<Map<String, Object>> cells = new ArrayList<>();
        int max = 0;
        for (MatrixCell cell : analysis.matrix()) {
            cells.add(Map.of("x", cell.xyz().ordinal(), "y", AbcClass.values().length - 1 - cell.abc().ordinal(),
                    "count", cell.count(), "share", cell.share(), "href", link(form, cell.cell(), 0)));
            max = Math.max(max, cell.count());
        }
        return Map.of("cells", cells, "max", max);
    }

    @Bean
    static NavigationEntry abcXyzNavigation() {
        return new NavigationEntry("nav.abcXyz", PATH, 45, null).inGroup(NavigationEntry.ANALYTICS);
    }
}
