package org.clientela.salesfacts.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.clientela.clients.CompanyId;
import org.clientela.clients.CompanySection;
import org.clientela.clients.VisibleCompanies;
import org.clientela.identity.CurrentUser;
import org.clientela.salesfacts.SalesFacts.MonthlyTotal;
import org.clientela.salesfacts.SalesFacts;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The company page's section «Продажи по месяцам»: the last twelve months' revenue without VAT,
 * and the margin for those who may see margins, each month linking to the company's orders of
 * that month. A month without sales shows as such, so that a gap is seen.
 */
@Controller
class SalesByMonthController {

    static final int MONTHS = 12;

    private final SalesFacts facts;
    private final VisibleCompanies companies;
    private final Clock clock;

    SalesByMonthController(SalesFacts facts, VisibleCompanies companies, Clock clock) {
        this.facts = facts;
        this.companies = companies;
        this.clock = clock;
    }

    /** A month of the section; {@code revenue} is {@code null} for a month without sales. */
    record Month(YearMonth month, LocalDate first, LocalDate last, BigDecimal revenue, BigDecimal margin) {
    }

    @GetMapping("/companies/{id}/sales-by-month")
    String section(@PathVariable UUID id, Model model) {
        CompanyId company = new CompanyId(id);
        companies.company(company);
        YearMonth to = YearMonth.now(clock);
        YearMonth from = to.minusMonths(MONTHS - 1L);
        Map<YearMonth, MonthlyTotal> totals = facts.monthlyTotals(Set.of(company), from, to).stream()
                .collect(Collectors.toMap(MonthlyTotal::month, Function.identity()));
        List<Month> months = new ArrayList<>();
        for (YearMonth month = to; !month.isBefore(from); month = month.minusMonths(1)) {
            MonthlyTotal total = totals.get(month);
            months.add(new Month(month, month.atDay(1), month.atEndOfMonth(), total == null ? null : total.revenue(),
                    total == null ? null : total.margin()));
        }
        model.addAttribute("companyId", id);
        model.addAttribute("months", months);
        model.addAttribute("margins", CurrentUser.maySeeMargins());
        model.addAttribute("revenue", totals.values().stream().map(MonthlyTotal::revenue)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        model.addAttribute("margin", totals.values().stream().map(MonthlyTotal::margin)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        return "salesfacts/fragments :: salesByMonth";
    }

    @Bean
    static CompanySection salesByMonthSection() {
        return CompanySection.of("salesfacts.section.heading", 260, "/companies/{id}/sales-by-month");
    }
}
