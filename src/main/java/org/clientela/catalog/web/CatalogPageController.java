package org.clientela.catalog.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.clientela.catalog.ClientPrices;
import org.clientela.catalog.ProductId;
import org.clientela.catalog.ProductView;
import org.clientela.catalog.UnitSize;
import org.clientela.catalog.internal.PriceListService;
import org.clientela.catalog.internal.PriceTypeService;
import org.clientela.catalog.internal.ProductService;
import org.clientela.clients.CompanyId;
import org.clientela.clients.CompanySection;
import org.clientela.platform.NavigationEntry;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.TypedNumber;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The catalogue's pages and the prices section of the company page. */
@Controller
class CatalogPageController {

    static final String PATH = "/catalog";
    static final int PAGE_SIZE = 50;

    private final ProductService products;
    private final PriceListService priceLists;
    private final PriceTypeService priceTypes;
    private final ClientPrices prices;
    private final MessageSource messages;
    private final Clock clock;

    CatalogPageController(ProductService products, PriceListService priceLists, PriceTypeService priceTypes,
            ClientPrices prices, MessageSource messages, Clock clock) {
        this.products = products;
        this.priceLists = priceLists;
        this.priceTypes = priceTypes;
        this.prices = prices;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("showCost", products.marginsVisible());
        model.addAttribute("editable", Editors.mayEdit());
        model.addAttribute("products", products.list(q, null, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        return "catalog/products";
    }

    @GetMapping(PATH + "/products/{id}")
    String product(@PathVariable UUID id, Model model) {
        model.addAttribute("product", products.product(id));
        model.addAttribute("history", priceLists.baseHistory(id));
        model.addAttribute("editable", Editors.mayEdit());
        return "catalog/product";
    }

    @GetMapping(PATH + "/price-lists")
    String priceLists(Model model) {
        model.addAttribute("versions", priceLists.versions());
        model.addAttribute("priceTypes", priceTypes.priceTypes());
        return "catalog/price-lists";
    }

    @GetMapping(PATH + "/price-lists/{id}")
    String priceList(@PathVariable UUID id, Model model) {
        model.addAttribute("version", priceLists.version(id));
        model.addAttribute("editable", Editors.mayEdit());
        return "catalog/price-list";
    }

    /** The company's price type and a calculator; 404 for a company the user may not see. */
    @GetMapping("/companies/{id}/prices")
    String companyPrices(@PathVariable UUID id, Model model) {
        return pricesSection(id, model);
    }

    /**
     * Sets the company's price type (head, director, administrator); the section comes back in place
     * with the outcome, a browser without htmx goes back to the company page. The company's
     * visibility is checked first: nobody learns of a hidden company from a 403.
     */
    @PostMapping("/companies/{id}/prices/price-type")
    String assignPriceType(@PathVariable UUID id, @RequestParam(required = false) String priceTypeId,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model) {
        priceTypes.priceTypeOf(new CompanyId(id));
        Editors.require();
        try {
            priceTypes.assign(new CompanyId(id), priceTypeId);
            model.addAttribute("priceTypeSaved", true);
        } catch (InvalidInputException exception) {
            model.addAttribute("priceTypeProblems", exception.problems().stream()
                    .map(problem -> messages.getMessage(problem.messageKey(), problem.arguments(), locale)).toList());
        }
        if (htmx == null && !model.containsAttribute("priceTypeProblems")) {
            return "redirect:/companies/" + id;
        }
        return pricesSection(id, model);
    }

    private String pricesSection(UUID id, Model model) {
        model.addAttribute("companyId", id);
        model.addAttribute("priceType", priceTypes.priceTypeOf(new CompanyId(id)).orElse(null));
        boolean editable = Editors.mayEdit();
        model.addAttribute("editable", editable);
        if (editable) {
            model.addAttribute("priceTypes", priceTypes.priceTypes());
        }
        model.addAttribute("products", products.list(null, null, PageRequest.of(0, 500)).content().stream()
                .filter(ProductView::active).toList());
        model.addAttribute("today", LocalDate.now(clock));
        return "catalog/fragments :: companyPrices";
    }

    /** The price of a product for the company with the reasons for it, or what is wrong with the question. */
    @GetMapping("/companies/{id}/prices/calculate")
    String calculate(@PathVariable UUID id, @RequestParam UUID productId,
            @RequestParam(required = false) String date, @RequestParam(required = false) String quantity,
            @RequestParam(required = false) String width, @RequestParam(required = false) String height,
            Locale locale, Model model) {
        try {
            LocalDate day = date == null || date.isBlank() ? LocalDate.now(clock) : parseDate(date);
            BigDecimal amount = decimal("quantity", quantity == null || quantity.isBlank() ? "1" : quantity);
            if (blank(width) != blank(height)) {
                throw new InvalidInputException(blank(width) ? "width" : "height", "catalog.price.sizeBothSides");
            }
            UnitSize size = blank(width) ? null
                    : new UnitSize(decimal("width", width), decimal("height", height));
            model.addAttribute("breakdown", prices.priceFor(new CompanyId(id), new ProductId(productId), day, amount,
                    size));
        } catch (InvalidInputException exception) {
            // the company's visibility is checked before the question: nobody learns of a hidden company
            priceTypes.priceTypeOf(new CompanyId(id));
            List<String> problems = exception.problems().stream()
                    .map(problem -> messages.getMessage(problem.messageKey(), problem.arguments(), locale)).toList();
            model.addAttribute("problems", problems);
        }
        return "catalog/fragments :: breakdown";
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("date", "catalog.date.invalid", text);
        }
    }

    private static BigDecimal decimal(String field, String text) {
        try {
            return TypedNumber.parse(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "catalog.number.invalid", text);
        }
    }

    @Bean
    static NavigationEntry catalogNavigation() {
        return new NavigationEntry("nav.catalog", PATH, 30, null);
    }

    @Bean
    static CompanySection companyPricesSection() {
        return CompanySection.of("catalog.section.heading", 300, "/companies/{id}/prices");
    }
}
