package org.clientela.platform.web;

import org.clientela.platform.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page; later modules put the manager's daily lists on it. */
@Controller
class HomeController {

    static final String VIEW = "platform/home";

    @GetMapping("/")
    String home() {
        return VIEW;
    }

    @Bean
    static NavigationEntry homeNavigation() {
        return new NavigationEntry("nav.home", "/", 0, null);
    }
}
