package org.clientela.credit.web;

import org.clientela.credit.internal.CreditList;
import org.clientela.credit.internal.CreditList.Filter;
import org.clientela.identity.Role;
import org.clientela.platform.NavigationEntry;
import org.clientela.platform.StartPagePanel;
import org.clientela.shared.PageResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The credit list (every company one may see: a manager their own, a head the team's, the credit
 * controller and the director all) with limit, exposure, utilisation, overdue flag and score,
 * filtered, sorted and paged; and the start page panel of the clients over their limit.
 */
@Controller
class CreditPageController {

    static final String PATH = "/credit";
    static final String VIEW = "credit/list";
    static final String RESULTS = VIEW + " :: results";
    static final String PANEL = "credit/fragments :: overLimitPanel";
    static final int PAGE_SIZE = 50;
    static final int PANEL_SIZE = 10;

    private final CreditList list;

    CreditPageController(CreditList list) {
        this.list = list;
    }

    @GetMapping(PATH)
    String list(@RequestParam(defaultValue = "ALL") String filter, @RequestParam(defaultValue = "name") String sort,
            @RequestParam(defaultValue = "asc") String dir, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Links links = new Links(filter(filter), sortable(sort), "desc".equalsIgnoreCase(dir) ? Sort.Direction.DESC
                : Sort.Direction.ASC);
        // clients of equal amounts in the order of their names
        PageResponse<CreditList.Row> rows = list.list(links.filter(), PageRequest.of(Math.max(page, 0), PAGE_SIZE,
                Sort.by(links.direction(), links.sort()).and(Sort.by("name"))));
        model.addAttribute("rows", rows);
        model.addAttribute("links", links);
        model.addAttribute("filters", Filter.values());
        return htmx == null ? VIEW : RESULTS;
    }

    /** The clients over their limit, the most over first, for the start page. */
    @GetMapping(PATH + "/over-limit")
    String overLimit(Model model) {
        model.addAttribute("rows", list.list(Filter.OVER_LIMIT,
                PageRequest.of(0, PANEL_SIZE, Sort.by(Sort.Direction.DESC, "overLimit").and(Sort.by("name")))));
        return PANEL;
    }

    private static Filter filter(String text) {
        try {
            return Filter.valueOf(text);
        } catch (IllegalArgumentException unknown) {
            return Filter.ALL;
        }
    }

    private static String sortable(String column) {
        return Links.COLUMNS.contains(column) ? column : "name";
    }

    /** The addresses of the filters, the sort headers and the pages, each keeping the others. */
    record Links(Filter filter, String sort, Sort.Direction direction) {

        static final java.util.List<String> COLUMNS = java.util.List.of("name", "limit", "exposure", "utilisation");

        public String filtered(Filter other) {
            return link(other, sort, direction, 0);
        }

        public String sortBy(String column) {
            boolean flip = column.equals(sort) && direction == Sort.Direction.ASC;
            // amounts are read largest first; a name from A
            Sort.Direction first = column.equals("name") ? Sort.Direction.ASC : Sort.Direction.DESC;
            Sort.Direction next = column.equals(sort) ? (flip ? Sort.Direction.DESC : Sort.Direction.ASC) : first;
            return link(filter, column, next, 0);
        }

        public String marker(String column) {
            return !column.equals(sort) ? "" : direction == Sort.Direction.ASC ? "▲" : "▼";
        }

        public String ariaSort(String column) {
            return !column.equals(sort) ? "none" : direction == Sort.Direction.ASC ? "ascending" : "descending";
        }

        public String page(int page) {
            return link(filter, sort, direction, page);
        }

        private static String link(Filter filter, String sort, Sort.Direction direction, int page) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath(PATH);
            if (filter != Filter.ALL) {
                uri.queryParam("filter", filter.name());
            }
            uri.queryParam("sort", sort).queryParam("dir", direction.name().toLowerCase(java.util.Locale.ROOT));
            if (page > 0) {
                uri.queryParam("page", page);
            }
            return uri.encode().build().toUriString();
        }
    }

    @Bean
    static NavigationEntry creditNavigation() {
        return new NavigationEntry("nav.credit", PATH, 40, null);
    }

    @Bean
    static StartPagePanel overLimitPanel() {
        return StartPagePanel.forAuthorities("credit.panel.overLimit", 200, PATH + "/over-limit",
                Role.MANAGER.authority(), Role.KEY_ACCOUNT_MANAGER.authority(), Role.HEAD.authority(),
                Role.DIRECTOR.authority(), Role.CREDIT_CONTROLLER.authority());
    }
}
