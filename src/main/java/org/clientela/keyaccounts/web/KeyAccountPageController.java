package org.clientela.keyaccounts.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.clientela.keyaccounts.internal.KeyAccount.Basis;
import org.clientela.keyaccounts.internal.KeyAccountRule;
import org.clientela.keyaccounts.internal.KeyAccounts;
import org.clientela.keyaccounts.internal.ServiceTiers;
import org.clientela.platform.NavigationEntry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The list of key accounts among the companies one may see: basis, since, KAM, tier and the
 * class by revenue in the last whole quarter; filtered by KAM, tier and basis, paged.
 */
@Controller
class KeyAccountPageController {

    static final String PATH = "/key-accounts";
    static final String VIEW = "keyaccounts/list";
    static final String RESULTS = VIEW + " :: results";
    static final int PAGE_SIZE = 50;

    private final KeyAccounts accounts;
    private final KeyAccountRule rule;
    private final ServiceTiers tiers;
    private final Clock clock;
    private final ZoneId zone;

    KeyAccountPageController(KeyAccounts accounts, KeyAccountRule rule, ServiceTiers tiers, Clock clock,
            @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.accounts = accounts;
        this.rule = rule;
        this.tiers = tiers;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping(PATH)
    String list(@RequestParam(required = false) String kam, @RequestParam(required = false) String tier,
            @RequestParam(required = false) String basis, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Links links = new Links(id(kam), id(tier), basis(basis));
        model.addAttribute("rows", accounts.list(new KeyAccounts.Filter(links.kam(), links.tier(), links.basis()),
                PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("classes", rule.classesNow(LocalDate.now(clock.withZone(zone))));
        model.addAttribute("links", links);
        model.addAttribute("kams", accounts.kams());
        model.addAttribute("tiers", tiers.tiers());
        model.addAttribute("bases", Basis.values());
        return htmx == null ? VIEW : RESULTS;
    }

    /** An unknown filter value shows the whole list rather than an error page. */
    private static UUID id(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Basis basis(String text) {
        try {
            return text == null || text.isBlank() ? null : Basis.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The addresses of the pages, each keeping the filters. */
    record Links(UUID kam, UUID tier, Basis basis) {

        public String page(int page) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath(PATH);
            if (kam != null) {
                uri.queryParam("kam", kam);
            }
            if (tier != null) {
                uri.queryParam("tier", tier);
            }
            if (basis != null) {
                uri.queryParam("basis", basis.name());
            }
            if (page > 0) {
                uri.queryParam("page", page);
            }
            return uri.encode().build().toUriString();
        }
    }

    @Bean
    static NavigationEntry keyAccountNavigation() {
        return new NavigationEntry("nav.keyAccounts", PATH, 44, null).inGroup(NavigationEntry.ANALYTICS);
    }
}
