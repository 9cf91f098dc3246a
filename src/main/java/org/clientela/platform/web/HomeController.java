package org.clientela.platform.web;

import java.util.Comparator;
import java.util.List;

import org.clientela.platform.NavigationEntry;
import org.clientela.platform.StartPagePanel;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: the panels the modules contribute for the current user, each loaded by htmx. */
@Controller
class HomeController {

    static final String VIEW = "platform/home";

    private final List<StartPagePanel> panels;

    HomeController(List<StartPagePanel> panels) {
        this.panels = panels.stream().sorted(Comparator.comparingInt(StartPagePanel::order)).toList();
    }

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        model.addAttribute("panels", panels.stream().filter(panel -> panel.shownTo().test(authentication)).toList());
        return VIEW;
    }

    @Bean
    static NavigationEntry homeNavigation() {
        return new NavigationEntry("nav.home", "/", 0, null);
    }
}
