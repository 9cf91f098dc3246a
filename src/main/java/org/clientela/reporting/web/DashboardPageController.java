package org.clientela.reporting.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.clientela.plans.PlanVsActual;
import org.clientela.platform.NavigationEntry;
import org.clientela.receivables.ReceivablesOverview.AgeBuckets;
import org.clientela.receivables.ReceivablesOverview.ManagerAgeing;
import org.clientela.reporting.internal.Dashboard;
import org.clientela.reporting.internal.Dashboard.MonthSales;
import org.clientela.reporting.internal.Dashboards;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard page: the view the user's role picks, each chart with its table under it.
 */
@Controller
class DashboardPageController {

    static final String PATH = "/dashboard";
    private static final String VIEW = "reporting/dashboard";
    private static final String[] BUCKET_COLOURS = {"#198754", "#ffc107", "#fd7e14", "#dc3545", "#842029"};

    private final Dashboards dashboards;
    private final MessageSource messages;
    private final JsonMapper json;

    DashboardPageController(Dashboards dashboards, MessageSource messages, JsonMapper json) {
        this.dashboards = dashboards;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping(PATH)
    String dashboard(Model model, Locale locale) {
        Dashboard dashboard = dashboards.current();
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("planChart", json.writeValueAsString(planChart(dashboard, locale)));
        model.addAttribute("monthsChart", json.writeValueAsString(monthsChart(dashboard, locale)));
        if (dashboard.matrix() != null) {
            model.addAttribute("matrixChart", json.writeValueAsString(matrixChart(dashboard.matrix())));
            model.addAttribute("ageingChart", json.writeValueAsString(ageingChart(dashboard, locale)));
        }
        return VIEW;
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    /** Plan, actual and forecast of the month and the quarter, revenue and (for those who may) margin. */
    private Map<String, Object> planChart(Dashboard dashboard, Locale locale) {
        List<String> categories = new ArrayList<>();
        List<BigDecimal> targets = new ArrayList<>();
        List<BigDecimal> actuals = new ArrayList<>();
        List<BigDecimal> forecasts = new ArrayList<>();
        for (PlanVsActual.Figures figures : new PlanVsActual.Figures[] {dashboard.month(), dashboard.quarter()}) {
            if (figures == null) {
                continue;
            }
            String period = figures.period().code();
            for (PlanVsActual.MeasureFigures measure : new PlanVsActual.MeasureFigures[] {figures.revenue(),
                    figures.margin()}) {
                if (measure == null) {
                    continue;
                }
                String name = message(measure == figures.revenue() ? "reporting.revenue" : "reporting.margin", locale);
                categories.add(name + " " + period);
                targets.add(measure.target());
                actuals.add(measure.actual());
                forecasts.add(measure.forecast());
            }
        }
        return seriesChart(categories, List.of(
                bars(message("reporting.plan.target", locale), targets, "#adb5bd", null),
                bars(message("reporting.plan.actual", locale), actuals, "#0d6efd", null),
                bars(message("reporting.plan.forecast", locale), forecasts, "#6ea8fe", null)));
    }

    private Map<String, Object> monthsChart(Dashboard dashboard, Locale locale) {
        List<String> categories = dashboard.months().stream().map(month -> month.month().toString()).toList();
        Map<String, Object> yearBefore = bars(message("reporting.months.yearBefore", locale),
                values(dashboard.months(), MonthSales::revenueYearBefore), "#adb5bd", null);
        yearBefore.put("type", "line");
        yearBefore.put("dashed", true);
        return seriesChart(categories, List.of(
                bars(message("reporting.months.revenue", locale), values(dashboard.months(), MonthSales::revenue),
                        "#0d6efd", null),
                yearBefore));
    }

    private static Map<String, Object> matrixChart(Dashboard.Matrix matrix) {
        List<String> xyz = List.of("X", "Y", "Z");
        List<String> abc = List.of("C", "B", "A");
        List<List<Integer>> cells = new ArrayList<>();
        for (Dashboard.Cell cell : matrix.cells()) {
            cells.add(List.of(xyz.indexOf(cell.xyz()), abc.indexOf(cell.abc()), cell.count()));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "heatmap");
        chart.put("x", xyz);
        chart.put("y", abc);
        chart.put("cells", cells);
        return chart;
    }

    /** Per manager, the unpaid amounts stacked by how long they are past due. */
    private Map<String, Object> ageingChart(Dashboard dashboard, Locale locale) {
        List<ManagerAgeing> managers = dashboard.receivables().managers();
        List<Function<AgeBuckets, BigDecimal>> buckets = List.of(AgeBuckets::notDue, AgeBuckets::days1to30,
                AgeBuckets::days31to60, AgeBuckets::days61to90, AgeBuckets::over90);
        List<String> keys = List.of("notDue", "days1to30", "days31to60", "days61to90", "over90");
        List<Map<String, Object>> series = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            Function<AgeBuckets, BigDecimal> bucket = buckets.get(i);
            series.add(bars(message("reporting.ageing." + keys.get(i), locale),
                    managers.stream().map(manager -> bucket.apply(manager.buckets())).toList(), BUCKET_COLOURS[i],
                    "ageing"));
        }
        return seriesChart(managers.stream().map(ManagerAgeing::name).toList(), series);
    }

    private static <T> List<BigDecimal> values(List<T> items, Function<T, BigDecimal> value) {
        return items.stream().map(value).toList();
    }

    private static Map<String, Object> seriesChart(List<String> categories, List<Map<String, Object>> series) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "series");
        chart.put("categories", categories);
        chart.put("series", series);
        return chart;
    }

    private static Map<String, Object> bars(String name, List<BigDecimal> values, String colour, String stack) {
        Map<String, Object> bars = new LinkedHashMap<>();
        bars.put("name", name);
        bars.put("type", "bar");
        bars.put("data", values);
        bars.put("color", colour);
        if (stack != null) {
            bars.put("stack", stack);
        }
        return bars;
    }

    @Bean
    static NavigationEntry dashboardNavigation() {
        return new NavigationEntry("nav.dashboard", PATH, 5, null);
    }
}
