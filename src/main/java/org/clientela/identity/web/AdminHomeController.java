package org.clientela.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The administration section opens on its user list. */
@Controller
class AdminHomeController {

    static final String PATH = "/admin";

    @GetMapping(PATH)
    String home() {
        return "redirect:/admin/users";
    }
}
