package org.clientela.catalog.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.clientela.catalog.PriceListView;
import org.clientela.catalog.ProductView;
import org.clientela.catalog.internal.PriceListService;
import org.clientela.catalog.internal.ProductService;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.TypedNumber;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A new version of a price list (head, director, administrator): a row per product, prefilled with
 * the price of the list's latest version — the prices the new version starts from — so that only
 * the rows whose price was changed are sent to the service.
 */
@Controller
class PriceListFormController {

    static final String VIEW = "catalog/price-list-form";
    /** The rows of the form: the whole catalogue of a plant fits (as in the calculator's choice). */
    static final int ROWS = 500;

    private final PriceListService priceLists;
    private final ProductService products;
    private final MessageSource messages;
    private final Clock clock;

    PriceListFormController(PriceListService priceLists, ProductService products, MessageSource messages,
            Clock clock) {
        this.priceLists = priceLists;
        this.products = products;
        this.messages = messages;
        this.clock = clock;
    }

    /** A row of the form: a product, the price it has now in the list, and the price typed. */
    record Row(UUID productId, String sku, String name, BigDecimal current, String price, List<String> problems) {
    }

    @GetMapping(CatalogPageController.PATH + "/price-lists/{id}/next")
    String form(@PathVariable UUID id, Model model) {
        Editors.require();
        PriceListView latest = latest(priceLists.version(id));
        Map<UUID, BigDecimal> current = prices(latest);
        List<Row> rows = catalogue().stream().map(product -> new Row(product.id(), product.sku(), product.name(),
                current.get(product.id()), plain(current.get(product.id())), List.of())).toList();
        return view(model, latest, LocalDate.now(clock).toString(), rows, List.of());
    }

    @PostMapping(CatalogPageController.PATH + "/price-lists/{id}/next")
    String create(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> fields, Locale locale,
            Model model, RedirectAttributes redirect) {
        Editors.require();
        PriceListView latest = latest(priceLists.version(id));
        Map<UUID, BigDecimal> current = prices(latest);
        Map<UUID, ProductView> known = new HashMap<>();
        catalogue().forEach(product -> known.put(product.id(), product));
        List<String> ids = fields.getOrDefault("productId", List.of());
        List<String> typed = fields.getOrDefault("price", List.of());
        String effectiveFrom = fields.getFirst("effectiveFrom");
        List<PriceListService.EntryInput> changed = new ArrayList<>();
        List<Integer> rowOfEntry = new ArrayList<>();
        for (int row = 0; row < ids.size(); row++) {
            String price = row < typed.size() ? typed.get(row) : "";
            if (isChange(current.get(parse(ids.get(row))), price)) {
                changed.add(new PriceListService.EntryInput(ids.get(row), price));
                rowOfEntry.add(row);
            }
        }
        try {
            PriceListView created = priceLists.createVersion(latest.name(), effectiveFrom, changed);
            redirect.addFlashAttribute("flashSuccess", "catalog.priceList.created");
            redirect.addFlashAttribute("flashArgs", created.version());
            return "redirect:" + CatalogPageController.PATH + "/price-lists/" + created.id();
        } catch (InvalidInputException exception) {
            Map<Integer, List<String>> atRows = new LinkedHashMap<>();
            List<String> general = new ArrayList<>();
            for (InvalidInputException.Problem problem : exception.problems()) {
                String message = messages.getMessage(problem.messageKey(), problem.arguments(), locale);
                Integer entry = entryIndex(problem.field());
                if (entry != null && entry < rowOfEntry.size()) {
                    atRows.computeIfAbsent(rowOfEntry.get(entry), row -> new ArrayList<>()).add(message);
                } else {
                    general.add(message);
                }
            }
            List<Row> rows = new ArrayList<>();
            for (int row = 0; row < ids.size(); row++) {
                UUID productId = parse(ids.get(row));
                ProductView product = productId == null ? null : known.get(productId);
                if (product != null) {
                    rows.add(new Row(productId, product.sku(), product.name(), current.get(productId),
                            row < typed.size() ? typed.get(row) : "", atRows.getOrDefault(row, List.of())));
                }
            }
            model.addAttribute("effectiveFromProblem", exception.problems().stream()
                    .anyMatch(problem -> problem.field().equals("effectiveFrom")));
            return view(model, latest, effectiveFrom, rows, general);
        }
    }

    private String view(Model model, PriceListView latest, String effectiveFrom, List<Row> rows,
            List<String> problems) {
        model.addAttribute("latest", latest);
        model.addAttribute("effectiveFrom", effectiveFrom);
        model.addAttribute("rows", rows);
        model.addAttribute("problems", problems);
        return VIEW;
    }

    /** The latest version of the list this version belongs to: the one a new version starts from. */
    private PriceListView latest(PriceListView version) {
        return priceLists.versions().stream().filter(v -> v.priceListId().equals(version.priceListId()))
                .findFirst().map(v -> priceLists.version(v.id())).orElse(version);
    }

    private List<ProductView> catalogue() {
        return products.list(null, null, PageRequest.of(0, ROWS)).content();
    }

    private static Map<UUID, BigDecimal> prices(PriceListView version) {
        Map<UUID, BigDecimal> prices = new HashMap<>();
        version.entries().forEach(entry -> prices.put(entry.productId(), entry.price()));
        return prices;
    }

    /**
     * A blank row is no change (an entry is never removed by a new version); text that is no number
     * is sent, so that the service names it at its row.
     */
    private static boolean isChange(BigDecimal current, String price) {
        if (price == null || price.isBlank()) {
            return false;
        }
        try {
            return current == null || TypedNumber.parse(price).compareTo(current) != 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    /** {@code entries[3].price} → 3. */
    private static Integer entryIndex(String field) {
        if (!field.startsWith("entries[")) {
            return null;
        }
        return Integer.valueOf(field.substring("entries[".length(), field.indexOf(']')));
    }

    private static String plain(BigDecimal price) {
        return price == null ? "" : price.toPlainString();
    }
}
