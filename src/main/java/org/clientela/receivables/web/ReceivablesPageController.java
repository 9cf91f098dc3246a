package org.clientela.receivables.web;

import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.clientela.identity.AccessPolicy;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.RecordScope;
import org.clientela.identity.Role;
import org.clientela.identity.UserDirectory;
import org.clientela.identity.UserDirectory.UserSummary;
import org.clientela.identity.UserId;
import org.clientela.platform.NavigationEntry;
import org.clientela.platform.StartPagePanel;
import org.clientela.receivables.internal.AgeBucket;
import org.clientela.receivables.internal.AgeingExport;
import org.clientela.receivables.internal.ReceivablesReports;
import org.clientela.receivables.internal.ReceivablesReports.Ageing;
import org.clientela.receivables.internal.ReceivablesReports.GroupBy;
import org.clientela.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The manager's debt list (the clients one may see who owe us, the most overdue first), the
 * ageing report with its export, and the start page's panel of overdue debts.
 */
@Controller
class ReceivablesPageController {

    static final String PATH = "/receivables";
    static final int PAGE_SIZE = 50;
    static final int PANEL_SIZE = 10;

    private final ReceivablesReports reports;
    private final AgeingExport export;
    private final AccessPolicy accessPolicy;
    private final UserDirectory users;
    private final MessageSource messages;

    ReceivablesPageController(ReceivablesReports reports, AgeingExport export, AccessPolicy accessPolicy,
            UserDirectory users, MessageSource messages) {
        this.reports = reports;
        this.export = export;
        this.accessPolicy = accessPolicy;
        this.users = users;
        this.messages = messages;
    }

    /**
     * @param ownerId one manager's clients (a choice for those who see more than their own)
     * @param bucket  only clients whose oldest overdue invoice is this old
     * @param all     also the clients that owe only what is not yet due
     */
    @GetMapping(PATH)
    String debts(@RequestParam(required = false) UUID ownerId, @RequestParam(required = false) String bucket,
            @RequestParam(defaultValue = "false") boolean all, @RequestParam(defaultValue = "0") int page,
            Model model, Locale locale) {
        AgeBucket wanted = null;
        try {
            wanted = AgeBucket.parse("bucket", bucket);
        } catch (InvalidInputException unknown) {
            model.addAttribute("bucketError", message(unknown, locale));
        }
        model.addAttribute("debts", reports.debts(ownerId, wanted, !all, Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("managers", managerChoices());
        model.addAttribute("ownerId", ownerId);
        model.addAttribute("bucket", wanted);
        model.addAttribute("all", all);
        model.addAttribute("buckets", AgeBucket.values());
        model.addAttribute("today", reports.today());
        model.addAttribute("mayImport", AccountingImportWebController.mayImport());
        return "receivables/debts";
    }

    /** The ageing at a day, grouped by company, manager or team; a wrong day is said at its field. */
    @GetMapping(PATH + "/aging")
    String ageing(@RequestParam(required = false) String asOf, @RequestParam(required = false) String groupBy,
            @RequestParam(defaultValue = "0") int page, Model model, Locale locale, HttpServletResponse response) {
        GroupBy grouping = GroupBy.COMPANY;
        try {
            grouping = GroupBy.of(groupBy);
            model.addAttribute("ageing", reports.ageing(reports.asOf(asOf), grouping, null, Math.max(page, 0),
                    PAGE_SIZE));
        } catch (InvalidInputException wrong) {
            model.addAttribute("asOfError", message(wrong, locale));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("asOf", asOf == null || asOf.isBlank() ? reports.today().toString() : asOf.strip());
        model.addAttribute("groupBy", grouping);
        model.addAttribute("groupings", GroupBy.values());
        return "receivables/aging";
    }

    @GetMapping(PATH + "/aging/export")
    void exportAgeing(@RequestParam(required = false) String asOf, @RequestParam(required = false) String groupBy,
            Locale locale, HttpServletResponse response) throws IOException {
        Ageing ageing;
        try {
            ageing = export.read(reports.asOf(asOf), GroupBy.of(groupBy));
        } catch (InvalidInputException wrong) {
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return;
        }
        response.setContentType(AgeingExport.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, export.contentDisposition(ageing));
        export.write(ageing, locale, response.getOutputStream());
    }

    /** The start page's panel: the user's clients with overdue invoices, the ten largest, and the total. */
    @GetMapping(PATH + "/panel")
    String panel(Model model) {
        model.addAttribute("debts", reports.debts(null, null, true, 0, PANEL_SIZE));
        return "receivables/fragments :: overduePanel";
    }

    /** The managers whose clients the user sees besides their own; none for a manager who sees only theirs. */
    private List<UserSummary> managerChoices() {
        RecordScope scope = accessPolicy.currentScope();
        CurrentUser me = CurrentUser.get();
        if (!scope.isEverything() && scope.owners().map(owners -> owners.size() <= 1).orElse(true)) {
            return List.of();
        }
        Map<UserId, UserSummary> managers = new LinkedHashMap<>();
        for (Role role : List.of(Role.MANAGER, Role.KEY_ACCOUNT_MANAGER, Role.HEAD)) {
            users.withRole(role).stream().filter(user -> scope.includes(user.id()) || user.id().equals(me.id()))
                    .forEach(user -> managers.putIfAbsent(user.id(), user));
        }
        return managers.values().stream().sorted(Comparator.comparing(UserSummary::fullName)).toList();
    }

    private String message(InvalidInputException exception, Locale locale) {
        return messages.getMessage(exception.messageKey(), exception.arguments(), locale);
    }

    @Bean
    static NavigationEntry receivablesNavigation() {
        return new NavigationEntry("nav.receivables", PATH, 40, null);
    }

    @Bean
    static StartPagePanel overduePanel() {
        return StartPagePanel.forEveryone("receivables.panel.title", 20, PATH + "/panel");
    }
}
