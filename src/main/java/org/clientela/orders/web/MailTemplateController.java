package org.clientela.orders.web;

import org.clientela.orders.internal.OrderAccess;
import org.clientela.orders.internal.OrderMail;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The wording of the mails the client's contact gets of an order, for the head and the administrator. */
@Controller
class MailTemplateController {

    static final String PATH = OrderPageController.PATH + "/mail-templates";

    private final OrderMail mail;
    private final MessageSource messages;

    MailTemplateController(OrderMail mail, MessageSource messages) {
        this.mail = mail;
        this.messages = messages;
    }

    @GetMapping(PATH)
    String templates(Model model) {
        OrderAccess.require(OrderAccess.mayEditTemplates());
        model.addAttribute("templates", mail.templates());
        return "orders/mail-templates";
    }

    @PostMapping(PATH + "/{event}")
    String save(@PathVariable OrderMail.Event event, @RequestParam(required = false) String subject,
            @RequestParam(required = false) String body, @RequestParam(required = false) Long version,
            RedirectAttributes redirect) {
        try {
            OrderMail.Template saved = mail.change(event, subject, body, version == null ? -1 : version);
            redirect.addFlashAttribute("flashSuccess", "orders.templates.saved");
            redirect.addFlashAttribute("flashArgs", saved.subject());
        } catch (InvalidInputException exception) {
            redirect.addFlashAttribute("templateProblem", event);
            redirect.addFlashAttribute("templateProblems", exception.problems().stream().map(problem ->
                    messages.getMessage(problem.messageKey(), problem.arguments(), LocaleContextHolder.getLocale()))
                    .toList());
        } catch (ConflictException exception) {
            redirect.addFlashAttribute("templateProblem", event);
            redirect.addFlashAttribute("templateProblems", java.util.List.of(messages.getMessage(
                    exception.messageKey(), exception.arguments(), LocaleContextHolder.getLocale())));
        }
        return "redirect:" + PATH;
    }
}
