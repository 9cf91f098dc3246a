package org.clientela.activities.web;

import java.util.Locale;
import java.util.UUID;

import org.clientela.activities.internal.Punctuality;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.Role;
import org.clientela.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * «Пунктуальность»: per person, how many of the activities done in the period began late and by
 * how much, and which; a manager sees their own, a head the team's (by person if they choose one),
 * the director everyone's. Reached from the agenda.
 */
@Controller
class PunctualityPageController {

    static final String PAGE = "activities/punctuality";

    private final Punctuality punctuality;
    private final MessageSource messages;

    PunctualityPageController(Punctuality punctuality, MessageSource messages) {
        this.punctuality = punctuality;
        this.messages = messages;
    }

    @GetMapping("/activities/punctuality")
    String punctuality(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) UUID owner, Locale locale, Model model) {
        model.addAttribute("team", CurrentUser.get().hasAny(Role.HEAD, Role.DIRECTOR, Role.ADMIN));
        model.addAttribute("owner", owner);
        try {
            Punctuality.Report everyone = punctuality.report(from, to, null);
            model.addAttribute("everyone", everyone);
            model.addAttribute("report", owner == null ? everyone
                    : punctuality.report(everyone.from().toString(), everyone.to().toString(), owner.toString()));
        } catch (InvalidInputException exception) {
            model.addAttribute("problems", exception.problems().stream()
                    .map(problem -> messages.getMessage(problem.messageKey(), problem.arguments(), locale)).toList());
            model.addAttribute("from", from);
            model.addAttribute("to", to);
        }
        return PAGE;
    }
}
