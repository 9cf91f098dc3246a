package org.clientela.plans.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.clientela.plans.internal.SegmentOutlooks;
import org.clientela.plans.internal.SegmentOutlooks.MonthValue;
import org.clientela.plans.internal.SegmentOutlooks.Outlook;
import org.clientela.plans.internal.SegmentOutlooks.Query;
import org.clientela.plans.internal.SegmentOutlooks.Segment;
import org.clientela.platform.NavigationEntry;
import org.clientela.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

/** The segment outlook's page (T3): a line chart per segment, the forecast dashed, its table under it. */
@Controller
class SegmentPageController {

    static final String PATH = "/plans/segments";
    private static final String VIEW = "plans/segments";

    private final SegmentOutlooks outlooks;
    private final MessageSource messages;
    private final JsonMapper json;

    SegmentPageController(SegmentOutlooks outlooks, MessageSource messages, JsonMapper json) {
        this.outlooks = outlooks;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping(PATH)
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String measure, Model model, Locale locale,
            HttpServletResponse response) {
        model.addAttribute("marginsVisible", SegmentOutlooks.marginsVisible());
        model.addAttribute("figures", SegmentOutlooks.Figure.values());
        Query query;
        try {
            query = outlooks.query(from, to, measure);
        } catch (InvalidInputException wrong) {
            Map<String, String> errors = new LinkedHashMap<>();
            wrong.problems().forEach(problem -> errors.putIfAbsent(problem.field(),
                    messages.getMessage(problem.messageKey(), problem.arguments(), locale)));
            model.addAttribute("errors", errors);
            model.addAttribute("form", Map.of("from", nonNull(from), "to", nonNull(to), "measure", nonNull(measure)));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return VIEW;
        }
        Outlook outlook = outlooks.outlook(query);
        model.addAttribute("errors", Map.of());
        model.addAttribute("form", Map.of("from", query.from().toString(), "to", query.to().toString(), "measure",
                query.measure().code()));
        model.addAttribute("outlook", outlook);
        List<String> charts = new ArrayList<>();
        for (Segment segment : outlook.segments()) {
            charts.add(json.writeValueAsString(chart(segment, messages.getMessage("plans.segments.actual", null, locale),
                    messages.getMessage("plans.segments.forecast", null, locale))));
        }
        model.addAttribute("charts", charts);
        return VIEW;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /**
     * The chart's two lines over the months and the forecast months: the actual values, then the
     * forecast, which starts at the last actual month so that the dashed line continues the solid one.
     */
    private static Map<String, Object> chart(Segment segment, String actualLabel, String forecastLabel) {
        List<String> labels = new ArrayList<>();
        segment.months().forEach(month -> labels.add(month.month().toString()));
        segment.forecast().forEach(month -> labels.add(month.month().toString()));
        BigDecimal[] actual = new BigDecimal[labels.size()];
        BigDecimal[] forecast = new BigDecimal[labels.size()];
        List<MonthValue> months = segment.months();
        for (int i = 0; i < months.size(); i++) {
            actual[i] = months.get(i).value();
        }
        if (!months.isEmpty() && !segment.forecast().isEmpty()) {
            forecast[months.size() - 1] = months.get(months.size() - 1).value();
            for (int i = 0; i < segment.forecast().size(); i++) {
                forecast[months.size() + i] = segment.forecast().get(i).value();
            }
        }
        return Map.of("kind", "series", "categories", labels, "series", List.of(
                line(actualLabel, actual, false), line(forecastLabel, forecast, true)));
    }

    private static Map<String, Object> line(String name, BigDecimal[] values, boolean dashed) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("name", name);
        line.put("type", "line");
        line.put("data", Arrays.asList(values));
        line.put("dashed", dashed);
        return line;
    }

    @Bean
    static NavigationEntry segmentsNavigation() {
        return new NavigationEntry("nav.segments", PATH, 46, null).inGroup(NavigationEntry.ANALYTICS);
    }
}
