package org.clientela.clients.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.clientela.clients.CompanyQuery;
import org.clientela.clients.CompanySource;
import org.clientela.clients.CompanyStatus;
import org.clientela.clients.CompanyView;
import org.clientela.clients.LegalForm;
import org.clientela.clients.internal.CompanyExport;
import org.clientela.clients.internal.CompanyService;
import org.clientela.clients.internal.SavedFilters;
import org.clientela.platform.NavigationEntry;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.PageResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The company list: filters, a search that narrows the table as one types (htmx asks for the
 * table alone), sorting by a column and pages of {@value #PAGE_SIZE}.
 */
@Controller
@RequestMapping(CompanyListController.PATH)
class CompanyListController {

    static final String PATH = "/companies";
    static final String VIEW = "clients/companies";
    static final String RESULTS = VIEW + " :: results";
    static final int PAGE_SIZE = 50;
    private static final Set<String> SORTABLE = Set.of("name", "inn", "status", "region");

    private final CompanyService companies;
    private final CompanyExport export;
    private final OwnerChoices ownerChoices;
    private final SavedFilters savedFilters;

    CompanyListController(CompanyService companies, CompanyExport export, OwnerChoices ownerChoices,
            SavedFilters savedFilters) {
        this.companies = companies;
        this.export = export;
        this.ownerChoices = ownerChoices;
        this.savedFilters = savedFilters;
    }

    /** The filters as the URL carries them; a value that does not parse is left out of the query. */
    record CompanyFilter(String q, CompanyStatus status, String segment, String region, UUID ownerId, String tag,
            CompanySource source) {

        CompanyQuery toQuery(boolean ownerFilter) {
            return new CompanyQuery(q, status, segment, region, ownerFilter ? ownerId : null, tag, source);
        }
    }

    @GetMapping
    String list(@ModelAttribute("filter") CompanyFilter filter, BindingResult ignoredMistakes,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "name") String sort,
            @RequestParam(defaultValue = "asc") String dir,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
            Model model, HttpServletResponse response) {
        String column = SORTABLE.contains(sort) ? sort : "name";
        Sort.Direction direction = "desc".equalsIgnoreCase(dir) ? Sort.Direction.DESC : Sort.Direction.ASC;
        boolean ownerFilter = ownerChoices.mayChoose();
        PageResponse<CompanyView> result = companies.list(filter.toQuery(ownerFilter),
                PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by(direction, column)));
        ListLinks links = new ListLinks(filter, column, direction);
        model.addAttribute("result", result);
        model.addAttribute("links", links);
        model.addAttribute("savedFilters", savedFilters.mine());
        // the same address answers a whole page or, to htmx, the table alone: caches must tell them apart
        response.addHeader("Vary", "HX-Request");
        if (htmx != null && historyRestore == null) {
            // the address bar shows the list as a link would name it, without the form's empty fields
            response.setHeader("HX-Push-Url", links.page(result.page()));
            return RESULTS;
        }
        model.addAttribute("statuses", CompanyStatus.values());
        model.addAttribute("sources", CompanySource.values());
        model.addAttribute("legalForms", LegalForm.values());
        model.addAttribute("owners", ownerChoices.owners());
        model.addAttribute("ownerFilter", ownerFilter);
        return VIEW;
    }

    /** The list as it is filtered and sorted, every page of it, as a file; the export is audited. */
    @GetMapping("/export")
    void export(@ModelAttribute("filter") CompanyFilter filter, BindingResult ignoredMistakes,
            @RequestParam(defaultValue = "xlsx") String format, @RequestParam(defaultValue = "name") String sort,
            @RequestParam(defaultValue = "asc") String dir, Locale locale, HttpServletResponse response)
            throws IOException {
        CompanyExport.Format chosen;
        try {
            chosen = CompanyExport.Format.of(format);
        } catch (InvalidInputException unknown) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        String column = SORTABLE.contains(sort) ? sort : "name";
        Sort order = Sort.by("desc".equalsIgnoreCase(dir) ? Sort.Direction.DESC : Sort.Direction.ASC, column);
        response.setContentType(chosen.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, export.contentDisposition(chosen));
        export.export(filter.toQuery(ownerChoices.mayChoose()), order, chosen, locale, response.getOutputStream());
    }

    /** The addresses of the sort headers, the pages and the exports, keeping the filters. */
    record ListLinks(CompanyFilter filter, String sort, Sort.Direction direction) {

        public String sortBy(String column) {
            boolean flip = column.equals(sort) && direction == Sort.Direction.ASC;
            return link(column, flip ? "desc" : "asc", 0);
        }

        /** ▲ or ▼ beside the column the table is sorted by, nothing beside the others. */
        public String marker(String column) {
            return !column.equals(sort) ? "" : direction == Sort.Direction.ASC ? "▲" : "▼";
        }

        public String ariaSort(String column) {
            return !column.equals(sort) ? "none" : direction == Sort.Direction.ASC ? "ascending" : "descending";
        }

        public String page(int page) {
            UriComponentsBuilder uri = filtered(PATH);
            if (page > 0) {
                uri.queryParam("page", page);
            }
            return uri.encode().build().toUriString();
        }

        /** The filters and order as a query string, without the page: what "save this filter" keeps. */
        public String query() {
            String query = filtered(PATH).build().encode().toUriString();
            int start = query.indexOf('?');
            return start < 0 ? "" : query.substring(start + 1);
        }

        /** The list's file in the order it is shown: {@code xlsx} or {@code csv}. */
        public String export(String format) {
            return filtered(PATH + "/export").queryParam("format", format).encode().build().toUriString();
        }

        private String link(String column, String dir, int page) {
            return new ListLinks(filter, column, "desc".equals(dir) ? Sort.Direction.DESC : Sort.Direction.ASC)
                    .page(page);
        }

        /** The path with the filters and, unless it is the default, the order. */
        private UriComponentsBuilder filtered(String path) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
            param(uri, "q", filter.q());
            param(uri, "status", filter.status());
            param(uri, "segment", filter.segment());
            param(uri, "region", filter.region());
            param(uri, "ownerId", filter.ownerId());
            param(uri, "tag", filter.tag());
            param(uri, "source", filter.source());
            if (!"name".equals(sort) || direction == Sort.Direction.DESC) {
                uri.queryParam("sort", sort).queryParam("dir", direction == Sort.Direction.DESC ? "desc" : "asc");
            }
            return uri;
        }

        private static void param(UriComponentsBuilder uri, String name, Object value) {
            if (value != null && !value.toString().isBlank()) {
                uri.queryParam(name, value.toString());
            }
        }
    }

    @Bean
    static NavigationEntry companiesNavigation() {
        return new NavigationEntry("nav.companies", PATH, 10, null);
    }
}
