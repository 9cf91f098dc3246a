package org.clientela.clients.web;

import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.clients.CompanySection;
import org.clientela.clients.internal.CompanyTimeline;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The «Хронология» section of the company page: the last year and the month ahead. It reloads when
 * another section changed the company (an activity planned or done), so the change shows at once.
 */
@Controller
class TimelineSectionController {

    private final CompanyTimeline timeline;

    TimelineSectionController(CompanyTimeline timeline) {
        this.timeline = timeline;
    }

    @GetMapping("/companies/{id}/timeline")
    String timeline(@PathVariable UUID id, Model model) {
        model.addAttribute("events", timeline.events(new CompanyId(id), timeline.window(null, null)));
        return "clients/timeline :: timeline";
    }

    @Bean
    static CompanySection timelineSection() {
        return CompanySection.of("clients.timeline.heading", 900, "/companies/{id}/timeline", true);
    }
}
