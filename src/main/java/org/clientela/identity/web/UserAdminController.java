package org.clientela.identity.web;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.clientela.identity.Role;
import org.clientela.identity.internal.UserManagement;
import org.clientela.identity.internal.UserManagement.UserView;
import org.clientela.platform.FormErrors;
import org.clientela.platform.NavigationEntry;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InvalidInputException;
import org.springframework.context.annotation.Bean;
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

/** The administrator's user screens; {@code /admin/**} is closed (404) to everyone else. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    static final String LIST_VIEW = "identity/admin/users";
    static final String NEW_VIEW = "identity/admin/user-new";
    static final String EDIT_VIEW = "identity/admin/user-edit";
    static final String REDIRECT_LIST = "redirect:/admin/users";

    private final UserManagement users;

    UserAdminController(UserManagement users) {
        this.users = users;
    }

    record NewUserForm(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String fullName,
            @Email @Size(max = 200) String email, UUID teamId, Set<Role> roles,
            @NotBlank @Size(max = 200) String password) {
    }

    record UserForm(@NotBlank @Size(max = 200) String fullName, @Email @Size(max = 200) String email, UUID teamId,
            Set<Role> roles, boolean enabled, long version) {

        static UserForm of(UserView user) {
            return new UserForm(user.fullName(), user.email(), user.teamId(), user.roles(), user.enabled(),
                    user.version());
        }
    }

    record ResetPasswordForm(@NotBlank @Size(max = 200) String newPassword) {
    }

    @InitBinder
    void initBinder(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @ModelAttribute("allRoles")
    Role[] allRoles() {
        return Role.values();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", users.allUsers());
        return LIST_VIEW;
    }

    @GetMapping("/new")
    String newUser(Model model) {
        if (!model.containsAttribute("userForm")) {
            model.addAttribute("userForm", new NewUserForm(null, null, null, null, EnumSet.of(Role.MANAGER), null));
        }
        model.addAttribute("teams", users.allTeams());
        return NEW_VIEW;
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute("userForm") NewUserForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        requireRoles(form.roles(), result);
        if (!result.hasErrors()) {
            try {
                UserView created = users.create(new UserManagement.NewUser(form.username(), form.fullName(),
                        form.email(), form.password(), form.teamId(), rolesOf(form.roles())));
                redirect.addFlashAttribute("flashSuccess", "identity.admin.user.created");
                redirect.addFlashAttribute("flashArgs", created.fullName());
                return REDIRECT_LIST;
            } catch (InvalidInputException exception) {
                FormErrors.reject(result, exception);
            } catch (ConflictException exception) {
                result.rejectValue("username", exception.messageKey(), exception.arguments(), null);
            }
        }
        return newUser(model);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        UserView user = users.user(id);
        model.addAttribute("user", user);
        model.addAttribute("teams", users.allTeams());
        if (!model.containsAttribute("userForm")) {
            model.addAttribute("userForm", UserForm.of(user));
        }
        if (!model.containsAttribute("resetForm")) {
            model.addAttribute("resetForm", new ResetPasswordForm(null));
        }
        return EDIT_VIEW;
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("userForm") UserForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        requireRoles(form.roles(), result);
        if (!result.hasErrors()) {
            try {
                UserView saved = users.update(id, form.version(), new UserManagement.UserChanges(form.fullName(),
                        form.email(), form.teamId(), rolesOf(form.roles()), form.enabled()));
                redirect.addFlashAttribute("flashSuccess", "identity.admin.user.saved");
                redirect.addFlashAttribute("flashArgs", saved.fullName());
                return REDIRECT_LIST;
            } catch (InvalidInputException exception) {
                FormErrors.reject(result, exception);
            } catch (ConflictException exception) {
                FormErrors.reject(result, exception);
            }
        }
        return edit(id, model);
    }

    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable UUID id, @Valid @ModelAttribute("resetForm") ResetPasswordForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                users.resetPassword(id, form.newPassword());
                redirect.addFlashAttribute("flashSuccess", "identity.admin.user.passwordReset");
                return "redirect:/admin/users/" + id;
            } catch (InvalidInputException exception) {
                FormErrors.reject(result, exception, Map.of("password", "newPassword"));
            }
        }
        return edit(id, model);
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
        users.unlock(id);
        redirect.addFlashAttribute("flashSuccess", "identity.admin.user.unlocked");
        return "redirect:/admin/users/" + id;
    }

    /** The service's rule too, checked here so that the form shows it beside the other mistakes. */
    private static void requireRoles(Set<Role> roles, BindingResult result) {
        if ((roles == null || roles.isEmpty()) && !result.hasFieldErrors("roles")) {
            result.rejectValue("roles", "identity.user.rolesRequired");
        }
    }

    private static Set<Role> rolesOf(Set<Role> roles) {
        return roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /** "/admin" so that the entry stays marked on every admin screen (users and teams). */
    @Bean
    static NavigationEntry adminNavigation() {
        return new NavigationEntry("nav.admin", AdminHomeController.PATH, 900, Role.ADMIN.name());
    }
}
