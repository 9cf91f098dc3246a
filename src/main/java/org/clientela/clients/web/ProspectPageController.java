package org.clientela.clients.web;

import java.util.UUID;

import org.clientela.clients.CompanySection;
import org.clientela.clients.CompanySource;
import org.clientela.clients.CompanyStatus;
import org.clientela.clients.CompanyView;
import org.clientela.clients.ProspectResearch;
import org.clientela.clients.ProspectView;
import org.clientela.clients.internal.CompanyService;
import org.clientela.clients.internal.DossierService;
import org.clientela.clients.internal.Prospects;
import org.clientela.platform.FormErrors;
import org.clientela.platform.NavigationEntry;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.PageResponse;
import org.clientela.shared.StaleVersionException;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Prospects on screen (C6): a manager's work list, the longest untouched first; the research
 * notes on a prospect's page; and converting a prospect into an active client by hand.
 */
@Controller
class ProspectPageController {

    static final String PATH = "/prospects";
    static final String VIEW = "clients/prospects";
    /**
     * A file of its own: the form fragments of {@code clients/fragments} are selected by names
     * ("input", "textarea") that the research form's own fields would match as well.
     */
    static final String RESEARCH = "clients/research :: research";
    static final int PAGE_SIZE = 50;

    private final Prospects prospects;
    private final DossierService dossiers;
    private final CompanyService companies;

    ProspectPageController(Prospects prospects, DossierService dossiers, CompanyService companies) {
        this.prospects = prospects;
        this.dossiers = dossiers;
        this.companies = companies;
    }

    /** The filters of the work list as the URL carries them. */
    record ProspectFilter(String segment, String region, CompanySource source) {
    }

    @GetMapping(PATH)
    String list(@ModelAttribute("filter") ProspectFilter filter, BindingResult ignoredMistakes,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "lastChange") String sort,
            Model model) {
        String column = "name".equals(sort) ? "name" : "lastChange";
        PageResponse<ProspectView> result = prospects.list(filter.segment(), filter.region(), filter.source(),
                PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by(column)));
        model.addAttribute("result", result);
        model.addAttribute("links", new ProspectLinks(filter, column));
        model.addAttribute("sources", CompanySource.values());
        return VIEW;
    }

    /** The addresses of the work list's pages and orders, keeping the filters. */
    record ProspectLinks(ProspectFilter filter, String sort) {

        public String page(int page) {
            return link(sort, page);
        }

        public String sortBy(String column) {
            return link(column, 0);
        }

        private String link(String column, int page) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath(PATH);
            param(uri, "segment", filter.segment());
            param(uri, "region", filter.region());
            param(uri, "source", filter.source());
            param(uri, "sort", "lastChange".equals(column) ? null : column);
            param(uri, "page", page > 0 ? page : null);
            return uri.encode().build().toUriString();
        }

        private static void param(UriComponentsBuilder uri, String name, Object value) {
            if (value != null && !value.toString().isBlank()) {
                uri.queryParam(name, value.toString());
            }
        }
    }

    /**
     * Converts a prospect by hand, on the version the page showed; back to where the button was
     * ({@code from=list}: the work list), with what happened.
     */
    @PostMapping("/companies/{id}/convert")
    String convert(@PathVariable UUID id, @RequestParam(required = false) Long version,
            @RequestParam(required = false) String from, RedirectAttributes redirect) {
        CompanyView company = companies.company(id);
        try {
            // no version means a form from nowhere: refused as stale rather than converting blindly
            companies.convertToActive(id, version == null ? -1 : version);
            redirect.addFlashAttribute("flashSuccess", "clients.prospect.converted");
        } catch (StaleVersionException stale) {
            redirect.addFlashAttribute("flashError", "clients.prospect.stale");
        } catch (ConflictException notProspect) {
            redirect.addFlashAttribute("flashError", notProspect.messageKey());
        }
        redirect.addFlashAttribute("flashArgs", company.name());
        return "redirect:" + ("list".equals(from) ? PATH : "/companies/" + id);
    }

    /** What the research form posts; the version is the dossier's. */
    record ResearchForm(String needs, String purchaseMotives, String audienceSegment, String note, Long version) {

        static ResearchForm of(ProspectResearch research) {
            return new ResearchForm(research.needs(), research.purchaseMotives(), research.audienceSegment(),
                    research.note(), research.version());
        }
    }

    @GetMapping("/companies/{id}/research")
    String research(@PathVariable UUID id, Model model) {
        ProspectResearch research = dossiers.research(id);
        model.addAttribute("researchForm", ResearchForm.of(research));
        return research(id, research, model);
    }

    /**
     * Saves the notes; htmx swaps the section with the outcome. Without htmx a saved form goes
     * back to the company page; a refused one shows beside its fields either way.
     */
    @PostMapping("/companies/{id}/research")
    String writeResearch(@PathVariable UUID id, @ModelAttribute("researchForm") ResearchForm form,
            BindingResult result, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                ProspectResearch saved = dossiers.writeResearch(id, form.version() == null ? -1 : form.version(),
                        ProspectResearch.of(form.needs(), form.purchaseMotives(), form.audienceSegment(),
                                form.note()));
                if (htmx == null) {
                    redirect.addFlashAttribute("flashSuccess", "clients.research.saved");
                    redirect.addFlashAttribute("flashArgs", companies.company(id).name());
                    return "redirect:/companies/" + id;
                }
                model.addAttribute("researchForm", ResearchForm.of(saved));
                model.addAttribute("saved", true);
                return research(id, saved, model);
            } catch (InvalidInputException exception) {
                FormErrors.reject(result, exception);
            } catch (ConflictException exception) {
                FormErrors.reject(result, exception);
            }
        }
        return research(id, dossiers.research(id), model);
    }

    private String research(UUID id, ProspectResearch research, Model model) {
        model.addAttribute("companyId", id);
        model.addAttribute("prospect", companies.company(id).status() == CompanyStatus.PROSPECT);
        model.addAttribute("research", research);
        return RESEARCH;
    }

    @Bean
    static NavigationEntry prospectsNavigation() {
        return new NavigationEntry("nav.prospects", PATH, 20, null);
    }

    @Bean
    static CompanySection prospectResearchSection() {
        return CompanySection.of("clients.research.heading", 150, "/companies/{id}/research");
    }
}
