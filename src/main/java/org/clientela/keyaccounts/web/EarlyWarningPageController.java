package org.clientela.keyaccounts.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.clients.CompanySection;
import org.clientela.identity.Role;
import org.clientela.keyaccounts.WarningKind;
import org.clientela.keyaccounts.internal.EarlyWarningService;
import org.clientela.keyaccounts.internal.Warning;
import org.clientela.keyaccounts.internal.WarningStatus;
import org.clientela.platform.NavigationEntry;
import org.clientela.platform.StartPagePanel;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The early warnings' screens (K4): the start page's panel «Сигналы по клиентам» (a manager's own
 * clients, a head's team's), the list with filters, a warning's page with its evidence, the
 * company page's section, and the dismissal with a reason, in place by htmx.
 */
@Controller
class EarlyWarningPageController {

    static final String PATH = "/early-warnings";
    static final String LIST = "keyaccounts/warnings";
    static final String PAGE = "keyaccounts/warning";
    static final String ITEM = "keyaccounts/warnings :: item";
    static final int PAGE_SIZE = 50;
    static final int PANEL_SIZE = 10;

    private final EarlyWarningService warnings;
    private final MessageSource messages;

    EarlyWarningPageController(EarlyWarningService warnings, MessageSource messages) {
        this.warnings = warnings;
        this.messages = messages;
    }

    @GetMapping(PATH)
    String list(@RequestParam(defaultValue = "open") String status, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String companyId, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        Links links = new Links(quietly(() -> "all".equalsIgnoreCase(status.strip()) ? null : WarningStatus.of(status)), quietly(() -> EarlyWarningService.kind(kind)),
                quietly(() -> companyId == null || companyId.isBlank() ? null : UUID.fromString(companyId.strip())));
        var rows = warnings.list(new EarlyWarningService.Filter(links.status(), links.companyId(), links.kind()),
                PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("rows", rows);
        model.addAttribute("texts", texts(rows.content(), locale));
        model.addAttribute("links", links);
        model.addAttribute("statuses", WarningStatus.values());
        model.addAttribute("kinds", WarningKind.raised());
        return htmx == null ? LIST : LIST + " :: results";
    }

    @GetMapping(PATH + "/{id}")
    String warning(@PathVariable UUID id, Model model, Locale locale) {
        Warning warning = warnings.get(id);
        model.addAttribute("warning", warning);
        model.addAttribute("text", text(warning, locale));
        model.addAttribute("figures", figures(warning));
        return PAGE;
    }

    /** One figure of the evidence, as the page shows it: {@code type} money, number, date or text. */
    record Figure(String key, String type, Object value) {
    }

    private static final java.util.Set<String> MONEY = java.util.Set.of("recentRevenue", "baselineRevenue", "balance",
            "balanceBefore", "overdue");

    static List<Figure> figures(Warning warning) {
        return warning.evidence().entrySet().stream().map(entry -> {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (value instanceof java.util.Collection<?> names) {
                return new Figure(key, "text", String.join(", ", names.stream().map(String::valueOf).toList()));
            }
            if (MONEY.contains(key)) {
                return new Figure(key, "money", value);
            }
            if (value instanceof Number) {
                return new Figure(key, "number", value);
            }
            if (key.endsWith("Date") || key.startsWith("asOf") || key.equals("periodFrom")) {
                return new Figure(key, "date", java.time.LocalDate.parse(value.toString()));
            }
            return new Figure(key, "text", value);
        }).toList();
    }

    @GetMapping(PATH + "/panel")
    String panel(Model model, Locale locale) {
        List<Warning> open = warnings.openOfMine(PANEL_SIZE);
        model.addAttribute("warnings", open);
        model.addAttribute("texts", texts(open, locale));
        return LIST + " :: panel";
    }

    @GetMapping("/companies/{id}/early-warnings")
    String section(@PathVariable UUID id, Model model, Locale locale) {
        List<Warning> ofCompany = warnings.ofCompany(new CompanyId(id));
        model.addAttribute("warnings", ofCompany);
        model.addAttribute("texts", texts(ofCompany, locale));
        return LIST + " :: section";
    }

    /** The dismissal: in place by htmx (the item again, dismissed or with the message at the reason), else back to the warning's page. */
    @PostMapping(PATH + "/{id}/dismissal")
    String dismiss(@PathVariable UUID id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long version,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        Warning warning;
        try {
            warning = warnings.dismiss(id, reason, version);
            if (htmx == null) {
                return "redirect:" + PATH + "/" + id;
            }
        } catch (InvalidInputException exception) {
            warning = warnings.get(id);
            model.addAttribute("reasonError", messages.getMessage(exception.problems().get(0).messageKey(),
                    exception.problems().get(0).arguments(), locale));
            model.addAttribute("reason", reason);
        } catch (ConflictException exception) {
            warning = warnings.get(id);
            model.addAttribute("reasonError", messages.getMessage(exception.messageKey(), exception.arguments(), locale));
        }
        if (htmx == null) {
            model.addAttribute("warning", warning);
            model.addAttribute("text", text(warning, locale));
            model.addAttribute("figures", figures(warning));
            return PAGE;
        }
        model.addAttribute("w", warning);
        model.addAttribute("texts", texts(List.of(warning), locale));
        return ITEM;
    }

    private Map<UUID, String> texts(List<Warning> list, Locale locale) {
        Map<UUID, String> texts = new LinkedHashMap<>();
        list.forEach(warning -> texts.put(warning.id(), text(warning, locale)));
        return texts;
    }

    private String text(Warning warning, Locale locale) {
        return messages.getMessage(warning.kind().textKey(), warning.textArguments(), locale);
    }

    /** An unknown filter value shows the whole list rather than an error page. */
    private static <T> T quietly(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The addresses of the pages, each keeping the filters. */
    record Links(WarningStatus status, WarningKind kind, UUID companyId) {

        public String page(int page) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath(PATH);
            uri.queryParam("status", status == null ? "all" : status.name().toLowerCase(Locale.ROOT));
            if (kind != null) {
                uri.queryParam("kind", kind.name());
            }
            if (companyId != null) {
                uri.queryParam("companyId", companyId);
            }
            if (page > 0) {
                uri.queryParam("page", page);
            }
            return uri.encode().build().toUriString();
        }
    }

    @Bean
    static NavigationEntry earlyWarningNavigation() {
        return new NavigationEntry("nav.earlyWarnings", PATH, 46, null).inGroup(NavigationEntry.ANALYTICS);
    }

    @Bean
    static StartPagePanel earlyWarningPanel() {
        return StartPagePanel.forAuthorities("keyaccounts.warning.panel.title", 12, PATH + "/panel",
                Role.MANAGER.authority(), Role.KEY_ACCOUNT_MANAGER.authority(), Role.HEAD.authority());
    }

    @Bean
    static CompanySection earlyWarningSection() {
        return CompanySection.of("keyaccounts.warning.section.heading", 245, "/companies/{id}/early-warnings");
    }
}
