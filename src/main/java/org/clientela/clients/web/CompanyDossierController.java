package org.clientela.clients.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.clientela.clients.CompanySection;
import org.clientela.clients.Dossier;
import org.clientela.clients.internal.DossierService;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The dossier on the company page (C3): what we know of the client's business, and when it was last written. */
@Controller
class CompanyDossierController {

    static final String FRAGMENT = "clients/fragments :: dossier";

    private final DossierService dossiers;

    CompanyDossierController(DossierService dossiers) {
        this.dossiers = dossiers;
    }

    @GetMapping("/companies/{id}/dossier")
    String dossier(@PathVariable UUID id, Model model) {
        Dossier dossier = dossiers.dossier(id);
        // the free-text parts in the order a manager reads them before a meeting, the empty ones left out
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("needs", dossier.needs());
        texts.put("purchaseMotives", dossier.purchaseMotives());
        texts.put("audienceSegment", dossier.audienceSegment());
        texts.put("developmentPlans", dossier.developmentPlans());
        texts.put("interests", dossier.interests());
        texts.put("businessHistory", dossier.businessHistory());
        texts.values().removeIf(java.util.Objects::isNull);
        model.addAttribute("dossier", dossier);
        model.addAttribute("texts", texts);
        return FRAGMENT;
    }

    @Bean
    static CompanySection companyDossierSection() {
        return CompanySection.of("clients.dossier.heading", 200, "/companies/{id}/dossier");
    }
}
