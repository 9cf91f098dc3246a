package org.clientela.catalog.web;

import java.util.UUID;

import org.clientela.catalog.ProductView;
import org.clientela.catalog.Unit;
import org.clientela.catalog.internal.ProductService;
import org.clientela.platform.FormErrors;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adding and revising a product (head, director, administrator). The service checks every field at
 * once; its problems show at their fields, a taken SKU or a stale version above the form.
 */
@Controller
class ProductFormController {

    static final String VIEW = "catalog/product-form";

    private final ProductService products;

    ProductFormController(ProductService products) {
        this.products = products;
    }

    @GetMapping(CatalogPageController.PATH + "/products/new")
    String newProduct(Model model) {
        Editors.require();
        model.addAttribute("productForm", ProductForm.empty());
        return form(model, null);
    }

    @PostMapping(CatalogPageController.PATH + "/products/new")
    String create(@ModelAttribute("productForm") ProductForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Editors.require();
        if (result.hasErrors()) {
            return form(model, null);
        }
        try {
            ProductView created = products.create(form.toNewInput());
            redirect.addFlashAttribute("flashSuccess", "catalog.product.created");
            redirect.addFlashAttribute("flashArgs", created.name());
            return "redirect:" + CatalogPageController.PATH + "/products/" + created.id();
        } catch (InvalidInputException exception) {
            FormErrors.reject(result, exception);
        } catch (ConflictException exception) {
            FormErrors.reject(result, exception);
        }
        return form(model, null);
    }

    @GetMapping(CatalogPageController.PATH + "/products/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        Editors.require();
        ProductView product = products.product(id);
        model.addAttribute("productForm", ProductForm.of(product));
        return form(model, product);
    }

    @PostMapping(CatalogPageController.PATH + "/products/{id}/edit")
    String update(@PathVariable UUID id, @ModelAttribute("productForm") ProductForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Editors.require();
        ProductView product = products.product(id);
        if (result.hasErrors()) {
            return form(model, product);
        }
        try {
            // no version means a form from nowhere: refused as stale rather than saved over anything
            ProductView saved = products.update(id, form.version() == null ? -1 : form.version(), form.toChanges());
            redirect.addFlashAttribute("flashSuccess", "catalog.product.saved");
            redirect.addFlashAttribute("flashArgs", saved.name());
            return "redirect:" + CatalogPageController.PATH + "/products/" + id;
        } catch (InvalidInputException exception) {
            FormErrors.reject(result, exception);
        } catch (ConflictException exception) {
            FormErrors.reject(result, exception);
        }
        return form(model, product);
    }

    private String form(Model model, ProductView product) {
        model.addAttribute("product", product);
        model.addAttribute("units", Unit.values());
        model.addAttribute("groups", products.groups());
        return VIEW;
    }
}
