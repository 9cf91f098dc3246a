package org.clientela.identity.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.clientela.identity.internal.UserManagement;
import org.clientela.identity.internal.UserManagement.TeamView;
import org.clientela.platform.FormErrors;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.StaleVersionException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's team screen: the teams with their sizes, a new team, a new name. */
@Controller
@RequestMapping("/admin/teams")
class TeamAdminController {

    static final String VIEW = "identity/admin/teams";
    static final String REDIRECT = "redirect:/admin/teams";

    private final UserManagement users;

    TeamAdminController(UserManagement users) {
        this.users = users;
    }

    record TeamForm(@NotBlank @Size(max = 100) String name) {
    }

    record RenameTeamForm(@NotBlank @Size(max = 100) String name, long version) {
    }

    @InitBinder
    void initBinder(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("teams", users.allTeams());
        if (!model.containsAttribute("teamForm")) {
            model.addAttribute("teamForm", new TeamForm(null));
        }
        return VIEW;
    }

    @PostMapping
    String create(@Valid @ModelAttribute("teamForm") TeamForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                TeamView team = users.createTeam(form.name());
                redirect.addFlashAttribute("flashSuccess", "identity.admin.team.created");
                redirect.addFlashAttribute("flashArgs", team.name());
                return REDIRECT;
            } catch (InvalidInputException exception) {
                FormErrors.reject(result, exception);
            } catch (ConflictException exception) {
                result.rejectValue("name", exception.messageKey(), exception.arguments(), null);
            }
        }
        return list(model);
    }

    /** A failed rename shows the page again with the team's rename form opened above the list. */
    @PostMapping("/{id}")
    String rename(@PathVariable UUID id, @Valid @ModelAttribute("renameForm") RenameTeamForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        TeamView team = users.team(id);
        if (!result.hasErrors()) {
            try {
                TeamView renamed = users.renameTeam(id, form.version(), form.name());
                redirect.addFlashAttribute("flashSuccess", "identity.admin.team.renamed");
                redirect.addFlashAttribute("flashArgs", renamed.name());
                return REDIRECT;
            } catch (InvalidInputException exception) {
                FormErrors.reject(result, exception);
            } catch (StaleVersionException exception) {
                FormErrors.reject(result, exception);
            } catch (ConflictException exception) {
                result.rejectValue("name", exception.messageKey(), exception.arguments(), null);
            }
        }
        model.addAttribute("renamedTeam", team);
        return list(model);
    }
}
