package org.clientela.identity.web;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.internal.ApiTokens;
import org.clientela.identity.internal.UserManagement;
import org.clientela.platform.FormErrors;
import org.clientela.shared.InvalidInputException;
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

/** My profile: who I am, my password and my personal API tokens. */
@Controller
@RequestMapping("/profile")
class ProfileController {

    static final String VIEW = "identity/profile";
    static final String REDIRECT = "redirect:/profile";

    private final UserManagement users;
    private final ApiTokens tokens;

    ProfileController(UserManagement users, ApiTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    record PasswordForm(@NotBlank String currentPassword, @NotBlank @Size(max = 200) String newPassword,
            @NotBlank String repeatPassword) {
    }

    record TokenForm(@NotBlank @Size(max = 100) String name) {
    }

    @InitBinder
    void initBinder(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping
    String show(Model model) {
        CurrentUser me = CurrentUser.get();
        model.addAttribute("me", users.user(me.id().value()));
        model.addAttribute("tokens", tokens.listOf(me.id()));
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", new PasswordForm(null, null, null));
        }
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", new TokenForm(null));
        }
        return VIEW;
    }

    @PostMapping("/password")
    String changePassword(@Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (!result.hasFieldErrors("newPassword") && !result.hasFieldErrors("repeatPassword")
                && !Objects.equals(form.newPassword(), form.repeatPassword())) {
            result.rejectValue("repeatPassword", "identity.profile.password.mismatch");
        }
        if (!result.hasErrors()) {
            try {
                users.changeOwnPassword(CurrentUser.get().id(), form.currentPassword(), form.newPassword());
                redirect.addFlashAttribute("flashSuccess", "identity.profile.password.changed");
                return REDIRECT;
            } catch (InvalidInputException exception) {
                FormErrors.reject(result, exception, Map.of("password", "newPassword"));
            }
        }
        return show(model);
    }

    @PostMapping("/tokens")
    String createToken(@Valid @ModelAttribute("tokenForm") TokenForm form, BindingResult result, Model model) {
        if (result.hasErrors()) {
            return show(model);
        }
        ApiTokens.CreatedToken created = tokens.create(CurrentUser.get().id(), form.name());
        // answered on this very response (not-cacheable, like every page here) instead of a redirect
        // with a flash attribute: a flash attribute would keep the secret in the session table
        model.addAttribute("newTokenSecret", created.secret());
        model.addAttribute("newTokenName", created.token().name());
        model.addAttribute("tokenForm", new TokenForm(null));
        return show(model);
    }

    @PostMapping("/tokens/{tokenId}/revoke")
    String revokeToken(@PathVariable UUID tokenId, RedirectAttributes redirect) {
        tokens.revoke(CurrentUser.get().id(), tokenId);
        redirect.addFlashAttribute("flashSuccess", "identity.profile.token.revoked");
        return REDIRECT;
    }
}
